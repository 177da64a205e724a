package dev.portal.hardware.sim.tag;

import static dev.portal.hardware.sim.tag.TagTestSupport.activate;
import static dev.portal.hardware.sim.tag.TagTestSupport.nibble;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portal.hardware.sim.rf.RawReader;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.reader.Uid;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ntag21xTest {
    private static final Uid UID = Uid.parse("04A1B2C3D4E5F6");
    private final RfField field = new RfField();

    private RawReader on(Ntag21x tag) {
        field.add(tag);
        field.setOn(true);
        return activate(field, tag);
    }

    @Test
    void readReturnsUidPagesWithBccAndWrapsAtTheEnd() {
        Ntag21x tag = new Ntag21x(NtagType.NTAG213, UID);
        RawReader r = on(tag);
        byte[] head = RawReader.payload(r.sendWithCrc(0x30, 0));
        assertEquals((byte) (0x88 ^ 0x04 ^ 0xA1 ^ 0xB2), head[3]);
        assertEquals((byte) (0xC3 ^ 0xD4 ^ 0xE5 ^ 0xF6), head[8]);
        byte[] wrapped = RawReader.payload(r.sendWithCrc(0x30, 43));
        assertArrayEquals(Arrays.copyOf(head, 8), Arrays.copyOfRange(wrapped, 8, 16), "pages 43, 44, 0, 1");
        assertArrayEquals(new byte[8], Arrays.copyOf(wrapped, 8), "PWD and PACK read as zeros");
    }

    @Test
    void getVersionAndFastReadOfTheWholeUserMemory() {
        Ntag21x tag = new Ntag21x(NtagType.NTAG215, UID);
        RawReader r = on(tag);
        assertArrayEquals(NtagType.NTAG215.version(), RawReader.payload(r.sendWithCrc(0x60)));
        byte[] all = RawReader.payload(r.sendWithCrc(0x3A, 4, 129));
        assertEquals(504, all.length);
        assertEquals(VirtualTag.NAK_INVALID, nibble(activate(field, tag).sendWithCrc(0x3A, 4, 135)));
    }

    @Test
    void staticAndDynamicLockBitsStopWrites() {
        Ntag21x tag = new Ntag21x(NtagType.NTAG213, UID);
        RawReader r = on(tag);
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 5, 1, 2, 3, 4)));
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 2, 0, 0, 0x20, 0x00))); // L5
        assertEquals(VirtualTag.NAK_NOT_ALLOWED, nibble(r.sendWithCrc(0xA2, 5, 9, 9, 9, 9)));
        r = activate(field, tag);
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 6, 1, 1, 1, 1)));
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 40, 0x02, 0, 0, 0))); // pages 18-19
        assertEquals(VirtualTag.NAK_NOT_ALLOWED, nibble(r.sendWithCrc(0xA2, 19, 1, 1, 1, 1)));
        r = activate(field, tag);
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 20, 1, 1, 1, 1)));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOfRange(tag.dump(), 20, 24));
        // Lock bits are never cleared.
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 2, 0, 0, 0, 0)));
        assertEquals(0x20, tag.dump()[10]);
    }

    @Test
    void passwordProtectsWritesFromAuth0AndAnswersPack() {
        Ntag21x tag = new Ntag21x(NtagType.NTAG215, UID);
        RawReader r = on(tag);
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 133, 0x12, 0x34, 0x56, 0x78)));
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 134, 0xAB, 0xCD, 0, 0)));
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 131, 0x04, 0, 0, 0x10)));
        assertEquals(VirtualTag.NAK_NOT_ALLOWED, nibble(r.sendWithCrc(0xA2, 16, 1, 1, 1, 1)));
        r = activate(field, tag);
        assertEquals(VirtualTag.NAK_INVALID, nibble(r.sendWithCrc(0x1B, 0, 0, 0, 0)));
        r = activate(field, tag);
        assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0xCD}, RawReader.payload(r.sendWithCrc(0x1B, 0x12, 0x34, 0x56, 0x78)));
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 16, 1, 1, 1, 1)));
    }

    @Test
    void badDumpsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Ntag21x(NtagType.NTAG213, UID, new byte[180 - 4]));
        byte[] other = Ntag21x.factoryPages(NtagType.NTAG213, Uid.parse("04000000000000"));
        assertThrows(IllegalArgumentException.class, () -> new Ntag21x(NtagType.NTAG213, UID, other));
        assertThrows(IllegalArgumentException.class, () -> new Ntag21x(NtagType.NTAG213, Uid.parse("01020304")));
    }

    @Test
    void authLimitStopsPasswordGuessing() {
        Ntag21x tag = new Ntag21x(NtagType.NTAG213, UID);
        RawReader r = on(tag);
        assertEquals(VirtualTag.ACK, nibble(r.sendWithCrc(0xA2, 42, 0x02, 0, 0, 0))); // AUTHLIM = 2
        for (int i = 0; i < 2; i++) {
            assertEquals(VirtualTag.NAK_INVALID, nibble(activate(field, tag).sendWithCrc(0x1B, 1, 2, 3, 4)));
        }
        assertEquals(VirtualTag.NAK_NOT_ALLOWED, nibble(activate(field, tag).sendWithCrc(0x1B, 0xFF, 0xFF, 0xFF, 0xFF)),
                "even the right password is refused once the limit is reached");
    }
}
