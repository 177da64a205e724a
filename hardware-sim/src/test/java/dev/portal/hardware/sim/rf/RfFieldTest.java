package dev.portal.hardware.sim.rf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.hardware.sim.tag.Cascade;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.sim.tag.TagState;
import dev.portal.hardware.reader.Uid;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfFieldTest {
    private final RfField field = new RfField();
    private final RawReader reader = new RawReader(field);

    @Test
    void answersOfTwoTagsCollideAtTheFirstDifferingUidBit() {
        // UIDs differ first in bit 3 of byte 1.
        MifareClassic1k a = new MifareClassic1k(Uid.parse("11223344"));
        MifareClassic1k b = new MifareClassic1k(Uid.parse("112A3344"));
        field.add(a);
        field.add(b);
        field.setOn(true);
        Reception atqa = reader.wupa();
        assertEquals(16, atqa.frame().bitCount());
        assertFalse(atqa.hasCollision());
        Reception uid = reader.send((byte) 0x93, (byte) 0x20);
        assertEquals(40, uid.frame().bitCount());
        assertEquals(8 + 3, uid.collisionBit());
    }

    @Test
    void partialAnticollisionFrameIsAnsweredOnlyByMatchingTagFromTheRightBit() {
        MifareClassic1k a = new MifareClassic1k(Uid.parse("11223344"));
        MifareClassic1k b = new MifareClassic1k(Uid.parse("112A3344"));
        field.add(a);
        field.add(b);
        field.setOn(true);
        reader.wupa();
        // Known: byte 0x11 and 4 bits of 0x2A (value 0xA), with bit 3 set -> only b matches.
        RfFrame partial = RfFrame.ofBits(new byte[] {(byte) 0x93, 0x34, 0x11, 0x0A}, 16 + 12);
        Reception r = field.transceive(partial);
        assertFalse(r.hasCollision());
        assertEquals(28, r.frame().bitCount());
        RfFrame full = RfFrame.of(Cascade.levelBytes(b.uid(), 0));
        assertEquals(full.tailFrom(12), r.frame());
    }

    @Test
    void sevenByteUidSelectsOverTwoLevelsAndHaltedTagWakesOnlyOnWupa() {
        Ntag21x tag = new Ntag21x(NtagType.NTAG215, Uid.parse("04A1B2C3D4E5F6"));
        field.add(tag);
        field.setOn(true);
        assertEquals(List.of(0x44, 0x00), bytes(reader.reqa()));
        Reception sak1 = reader.select(0x93, Cascade.levelBytes(tag.uid(), 0));
        assertEquals(0x04, RawReader.payload(sak1)[0]);
        Reception sak2 = reader.select(0x95, Cascade.levelBytes(tag.uid(), 1));
        assertEquals(0x00, RawReader.payload(sak2)[0]);
        assertEquals(TagState.ACTIVE, tag.state());
        assertTrue(reader.sendWithCrc(0x50, 0x00).isSilent());
        assertEquals(TagState.HALT, tag.state());
        assertTrue(reader.reqa().isSilent());
        assertFalse(reader.wupa().isSilent());
        field.setOn(false);
        assertEquals(TagState.IDLE, tag.state());
    }

    @Test
    void missedAnswersAndBitErrorsComeFromTheSeededInjector() {
        FaultInjector faults = new FaultInjector(42).missedAnswers(1.0);
        RfField noisy = new RfField(faults);
        noisy.add(new MifareClassic1k(Uid.parse("01020304")));
        noisy.setOn(true);
        assertTrue(noisy.transceive(RfFrame.shortFrame(0x52)).isSilent());
        faults.clear().bitErrors(0.5);
        Reception r = noisy.transceive(RfFrame.shortFrame(0x52));
        assertTrue(faults.injectedCount() > 1);
        assertTrue(r.parityError() || !r.frame().equals(RfFrame.of((byte) 0x04, (byte) 0x00)));
    }

    @Test
    void airTimeCountsBitsAtOneHundredSixKilobits() {
        field.setOn(true);
        field.transceive(RfFrame.shortFrame(0x52));
        assertEquals(9, field.meter().bits()); // 7 data bits + start + end, no parity in a short frame
        assertEquals(9 * 9.44, field.meter().airMicros(), 0.1);
    }

    private static List<Integer> bytes(Reception r) {
        byte[] b = r.frame().bytes();
        return List.of(b[0] & 0xFF, b[1] & 0xFF);
    }
}
