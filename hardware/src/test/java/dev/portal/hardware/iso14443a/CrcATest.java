package dev.portal.hardware.iso14443a;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.testsupport.property.Gen;
import dev.portal.testsupport.property.Property;
import org.junit.jupiter.api.Test;

class CrcATest {

    @Test
    void knownFramesCarryTheirWellKnownCrc() {
        assertArrayEquals(new byte[] {0x50, 0x00, 0x57, (byte) 0xCD}, CrcA.append(new byte[] {0x50, 0x00}));
        assertArrayEquals(new byte[] {0x30, 0x00, 0x02, (byte) 0xA8}, CrcA.append(new byte[] {0x30, 0x00}));
    }

    private record Flip(byte[] data, int flip) {
    }

    @Test
    void appendedCrcChecksAndAnyFlippedBitIsCaught() {
        Gen<byte[]> data = Gen.bytes(1, 40);
        Gen<Integer> flips = Gen.ints(0, 1000);
        // the number of cases this property has always run with
        Property.forAll(1000, r -> new Flip(data.next(r), flips.next(r)),
                c -> appendedCrcChecksAndAnyFlippedBitIsCaught(c.data(), c.flip()));
    }

    private void appendedCrcChecksAndAnyFlippedBitIsCaught(byte[] data, int flip) {
        byte[] frame = CrcA.append(data);
        assertTrue(CrcA.check(frame));
        int bit = flip % (frame.length * 8);
        frame[bit / 8] ^= (byte) (1 << (bit % 8));
        assertFalse(CrcA.check(frame));
    }
}
