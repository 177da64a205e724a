package dev.portal.hardware.iso14443a;

/**
 * What a reader chip received after a transmission.
 *
 * @param data         the bytes received; when the sender asked for an RX alignment, the first byte's low
 *                     {@code rxAlign} bits are not part of the answer
 * @param lastBits     valid bits in the last byte, 0 meaning it is whole (a 4-bit ACK comes as 1 byte, 4 bits)
 * @param collisionPos position of the first collided bit, 1-based, counted from bit 0 of {@code data[0]}
 *                     (alignment included), or 0 when there was no collision
 */
public record PcdResponse(byte[] data, int lastBits, int collisionPos) {

    /** Nobody answered before the reader's timer ran out. */
    public static PcdResponse silence() {
        return new PcdResponse(new byte[0], 0, 0);
    }

    public boolean isSilent() {
        return data.length == 0;
    }

    public boolean hasCollision() {
        return collisionPos > 0;
    }

    /** Bits received, counting the RX alignment offset as part of the first byte. */
    public int bitCount() {
        return lastBits == 0 ? data.length * 8 : (data.length - 1) * 8 + lastBits;
    }

    /** True for a 4-bit answer (ACK/NAK). */
    public boolean isNibble() {
        return data.length == 1 && lastBits == 4;
    }

    public int nibble() {
        return data[0] & 0x0F;
    }
}
