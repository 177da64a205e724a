package dev.portal.hardware.iso14443a;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CrcATest {

    @Test
    void knownFramesCarryTheirWellKnownCrc() {
        assertArrayEquals(new byte[] {0x50, 0x00, 0x57, (byte) 0xCD}, CrcA.append(new byte[] {0x50, 0x00}));
        assertArrayEquals(new byte[] {0x30, 0x00, 0x02, (byte) 0xA8}, CrcA.append(new byte[] {0x30, 0x00}));
    }

    @Property
    void appendedCrcChecksAndAnyFlippedBitIsCaught(@ForAll @Size(min = 1, max = 40) byte[] data,
                                                   @ForAll @IntRange(min = 0, max = 1000) int flip) {
        byte[] frame = CrcA.append(data);
        assertTrue(CrcA.check(frame));
        int bit = flip % (frame.length * 8);
        frame[bit / 8] ^= (byte) (1 << (bit % 8));
        assertFalse(CrcA.check(frame));
    }
}
