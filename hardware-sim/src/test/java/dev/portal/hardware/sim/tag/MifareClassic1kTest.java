package dev.portal.hardware.sim.tag;

import static dev.portal.hardware.sim.tag.TagTestSupport.activate;
import static dev.portal.hardware.sim.tag.TagTestSupport.nibble;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.hardware.iso14443a.CrcA;
import dev.portal.hardware.sim.rf.RfFrame;
import dev.portal.hardware.sim.rf.RawReader;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.Uid;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MifareClassic1kTest {
    private static final byte[] FF = MifareKey.FACTORY;
    private static final byte[] NR = {1, 2, 3, 4};
    private final RfField field = new RfField();

    private MifareAuthModel.Outcome auth(MifareClassic1k tag, int cmd, int block, byte[] key) {
        return MifareAuthModel.authenticate(field::transceive, cmd, block, key, MifareClassic1k.authUid(tag.uid()), NR);
    }

    private MifareClassic1k onField(Uid uid) {
        MifareClassic1k tag = new MifareClassic1k(uid);
        field.add(tag);
        field.setOn(true);
        return tag;
    }

    @Test
    void factoryTagHasUidBlockAndTransportTrailers() {
        MifareClassic1k tag = new MifareClassic1k(Uid.parse("DEADBEEF"));
        byte[] b0 = tag.block(0);
        assertArrayEquals(new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0x22, 0x08, 0x04, 0x00},
                Arrays.copyOf(b0, 8));
        assertEquals("FFFFFFFFFFFFFF078069FFFFFFFFFFFF", java.util.HexFormat.of().withUpperCase().formatHex(tag.block(7)));
        assertEquals(1024, tag.dump().length);
    }

    @Test
    void authenticatedReadAndTwoPhaseWrite() {
        MifareClassic1k tag = onField(Uid.parse("04112233445566"));
        RawReader r = activate(field, tag);
        assertEquals(MifareAuthModel.Outcome.AUTHENTICATED, auth(tag, 0x60, 4, FF));
        assertEquals(TagState.AUTHENTICATED, tag.state());
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA0, 5)));
        byte[] data = "portal toy data!".getBytes();
        assertEquals(VirtualTag.ACK, nibble(field.transceive(RfFrame.of(CrcA.append(data)))));
        assertArrayEquals(data, RawReader.payload(r.sendWithCrc(0x30, 5)));
        byte[] trailer = RawReader.payload(r.sendWithCrc(0x30, 7));
        assertArrayEquals(new byte[6], Arrays.copyOf(trailer, 6), "key A reads as zeros");
        assertArrayEquals(data, Arrays.copyOfRange(tag.dump(), 5 * 16, 6 * 16));
    }

    @Test
    void wrongKeyMakesTagSilentAndDropsItOutOfActive() {
        MifareClassic1k tag = onField(Uid.parse("01020304"));
        activate(field, tag);
        assertEquals(MifareAuthModel.Outcome.REFUSED, auth(tag, 0x60, 4, new byte[6]));
        assertEquals(TagState.IDLE, tag.state());
    }

    @Test
    void blockZeroAndOtherSectorsAreRefused() {
        MifareClassic1k tag = onField(Uid.parse("01020304"));
        RawReader r = activate(field, tag);
        assertEquals(MifareAuthModel.Outcome.AUTHENTICATED, auth(tag, 0x60, 0, FF));
        assertEquals(VirtualTag.NAK_NOT_ALLOWED, nibble(r.sendWithCrc(0xA0, 0)));
        r = activate(field, tag);
        assertEquals(MifareAuthModel.Outcome.AUTHENTICATED, auth(tag, 0x60, 0, FF));
        assertEquals(VirtualTag.NAK_NOT_ALLOWED, nibble(r.sendWithCrc(0x30, 4)));
    }

    @Test
    void accessBitsAreHonouredAfterATrailerWrite() {
        MifareClassic1k tag = onField(Uid.parse("01020304"));
        RawReader r = activate(field, tag);
        assertEquals(MifareAuthModel.Outcome.AUTHENTICATED, auth(tag, 0x60, 8, FF));
        // Data blocks read A|B, write B only (100); trailer 011; key B = 0xB0..0xB5.
        byte[] trailer = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            0x78, 0x77, (byte) 0x88, 0x69, (byte) 0xB0, (byte) 0xB1, (byte) 0xB2, (byte) 0xB3, (byte) 0xB4, (byte) 0xB5};
        assertTrue(ClassicAccess.fromTrailer(trailer).valid());
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA0, 11)));
        assertEquals(VirtualTag.ACK, nibble(field.transceive(RfFrame.of(CrcA.append(trailer)))));
        r = activate(field, tag);
        assertEquals(MifareAuthModel.Outcome.AUTHENTICATED, auth(tag, 0x60, 8, FF));
        assertEquals(16, RawReader.payload(r.sendWithCrc(0x30, 8)).length);
        assertEquals(VirtualTag.NAK_NOT_ALLOWED, nibble(r.sendWithCrc(0xA0, 8)), "key A may not write");
        r = activate(field, tag);
        byte[] keyB = Arrays.copyOfRange(trailer, 10, 16);
        assertEquals(MifareAuthModel.Outcome.AUTHENTICATED, auth(tag, 0x61, 8, keyB));
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA0, 8)));
    }

    @Test
    void dumpMustMatchUid() {
        byte[] dump = MifareClassic1k.factoryDump(Uid.parse("01020304"));
        assertThrows(IllegalArgumentException.class, () -> new MifareClassic1k(Uid.parse("01020305"), dump));
        assertThrows(IllegalArgumentException.class, () -> new MifareClassic1k(Uid.parse("01020304"), new byte[10]));
        assertArrayEquals(dump, new MifareClassic1k(Uid.parse("01020304"), dump).dump());
    }

    @Test
    void malformedAccessBitsLockTheSectorForGood() {
        MifareClassic1k tag = onField(Uid.parse("01020304"));
        RawReader r = activate(field, tag);
        assertEquals(MifareAuthModel.Outcome.AUTHENTICATED, auth(tag, 0x60, 12, FF));
        byte[] trailer = MifareClassic1k.factoryDump(tag.uid());
        trailer = Arrays.copyOfRange(trailer, 15 * 16, 16 * 16);
        trailer[6] = 0x00; // inverted copy no longer matches
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA0, 15)));
        assertEquals(VirtualTag.ACK, nibble(field.transceive(RfFrame.of(CrcA.append(trailer)))));
        activate(field, tag);
        assertEquals(MifareAuthModel.Outcome.REFUSED, auth(tag, 0x60, 12, FF));
        activate(field, tag);
        assertEquals(MifareAuthModel.Outcome.AUTHENTICATED, auth(tag, 0x60, 16, FF), "other sectors still work");
    }
}
