package dev.portal.protocol.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UidTest {

    @Test
    void aReaderUidHasFourSevenOrTenBytes() {
        for (int length = 0; length <= 11; length++) {
            byte[] bytes = new byte[length];
            if (length == 4 || length == 7 || length == 10) {
                assertEquals(length, Uid.of(bytes).length());
            } else {
                assertThrows(IllegalArgumentException.class, () -> Uid.of(bytes), "length " + length);
            }
        }
    }

    @Test
    void theWireCarriesOneToTenBytesAndSaysWhichAreIso14443a() {
        assertFalse(Uid.fromWire(new byte[] {0}).isIso14443a());
        assertTrue(Uid.fromWire(new byte[7]).isIso14443a());
        assertThrows(IllegalArgumentException.class, () -> Uid.fromWire(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Uid.fromWire(new byte[11]));
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] bytes = {4, 1, 2, 3, 4, 5, 6};
        Uid uid = Uid.of(bytes);
        bytes[0] = 9;
        uid.bytes()[1] = 9;
        assertEquals("04010203040506", uid.hex());
    }

    @Test
    void equalByContentAndWrittenAsUpperCaseHex() {
        Uid uid = Uid.parse("04:a1:b2 c3d4e5f6");
        assertEquals(Uid.of(new byte[] {4, (byte) 0xA1, (byte) 0xB2, (byte) 0xC3, (byte) 0xD4, (byte) 0xE5, (byte) 0xF6}), uid);
        assertEquals(uid.hashCode(), Uid.parse("04A1B2C3D4E5F6").hashCode());
        assertNotEquals(Uid.parse("04A1B2C3D4E5F7"), uid);
        assertEquals("04A1B2C3D4E5F6", uid.toString());
    }
}
