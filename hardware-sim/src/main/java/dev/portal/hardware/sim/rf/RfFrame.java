package dev.portal.hardware.sim.rf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A frame on the air: bits in transmission order, least significant bit of each byte first (as ISO14443A sends
 * them). {@code bitCount} says how many bits are valid; the last byte may be partial (a REQA is 7 bits, an
 * anticollision answer may start in the middle of a UID byte). Bits past {@code bitCount} are zero.
 */
public final class RfFrame {
    private final byte[] bytes;
    private final int bitCount;

    private RfFrame(byte[] bytes, int bitCount) {
        this.bytes = bytes;
        this.bitCount = bitCount;
    }

    /** Whole bytes. */
    public static RfFrame of(byte... bytes) {
        return new RfFrame(bytes.clone(), bytes.length * 8);
    }

    /** The first {@code bitCount} bits of {@code bytes}. */
    public static RfFrame ofBits(byte[] bytes, int bitCount) {
        if (bitCount < 0 || bitCount > bytes.length * 8) {
            throw new IllegalArgumentException("bit count " + bitCount + " does not fit " + bytes.length + " bytes");
        }
        byte[] copy = Arrays.copyOf(bytes, (bitCount + 7) / 8);
        int rest = bitCount % 8;
        if (rest != 0) {
            copy[copy.length - 1] &= (byte) ((1 << rest) - 1);
        }
        return new RfFrame(copy, bitCount);
    }

    /** A 7-bit short frame (REQA 0x26, WUPA 0x52). */
    public static RfFrame shortFrame(int command) {
        return new RfFrame(new byte[] {(byte) (command & 0x7F)}, 7);
    }

    /**
     * Whole bytes plus {@code lastBits} valid bits of the final byte (0 meaning the final byte is whole), the way
     * reader chips describe a frame (MFRC522 TxLastBits / RxLastBits).
     */
    public static RfFrame withLastBits(byte[] bytes, int lastBits) {
        if (lastBits < 0 || lastBits > 7 || bytes.length == 0 && lastBits != 0) {
            throw new IllegalArgumentException("last bits must be 0..7, not " + lastBits);
        }
        int bits = lastBits == 0 ? bytes.length * 8 : (bytes.length - 1) * 8 + lastBits;
        return ofBits(bytes, bits);
    }

    public static RfFrame empty() {
        return new RfFrame(new byte[0], 0);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int bitCount() {
        return bitCount;
    }

    /** Number of bytes holding the bits, the last one possibly partial. */
    public int byteLength() {
        return bytes.length;
    }

    /** Valid bits in the last byte: 0 when the last byte is whole. */
    public int lastBits() {
        return bitCount % 8;
    }

    public boolean isWholeBytes() {
        return bitCount % 8 == 0;
    }

    public int byteAt(int i) {
        return bytes[i] & 0xFF;
    }

    public boolean bit(int i) {
        if (i < 0 || i >= bitCount) {
            throw new IndexOutOfBoundsException("bit " + i + " of " + bitCount);
        }
        return (bytes[i >> 3] >> (i & 7) & 1) != 0;
    }

    /** A frame made of bits {@code from} (inclusive) to the end of this one. */
    public RfFrame tailFrom(int from) {
        int n = bitCount - from;
        byte[] out = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            if (bit(from + i)) {
                out[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        return new RfFrame(out, n);
    }

    /** The same bits with bit {@code i} inverted. */
    public RfFrame withBitFlipped(int i) {
        if (i < 0 || i >= bitCount) {
            throw new IndexOutOfBoundsException("bit " + i + " of " + bitCount);
        }
        byte[] copy = bytes.clone();
        copy[i >> 3] ^= (byte) (1 << (i & 7));
        return new RfFrame(copy, bitCount);
    }

    /**
     * Bits on the air for this frame at 106 kbit/s: data bits, one parity bit per whole byte, start and end of
     * frame. A short frame carries no parity.
     */
    public int airBits() {
        return bitCount + bitCount / 8 + 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RfFrame f && f.bitCount == bitCount && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + bitCount;
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(bytes) + "/" + bitCount + "b";
    }
}
