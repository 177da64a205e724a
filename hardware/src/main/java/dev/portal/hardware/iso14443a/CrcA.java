package dev.portal.hardware.iso14443a;

/**
 * CRC_A of ISO/IEC 14443-3: CRC-16/CCITT polynomial reflected (0x8408), preset 0x6363, no final XOR, appended
 * least significant byte first. Shared by the tag models and by code that checks frames on the host side.
 */
public final class CrcA {
    private static final int PRESET = 0x6363;

    private CrcA() {
    }

    /** CRC_A over {@code length} bytes from {@code offset}, as an unsigned 16-bit value. */
    public static int compute(byte[] data, int offset, int length) {
        return compute(data, offset, length, PRESET);
    }

    /** The same CRC with another preset (a reader chip's CRC coprocessor offers several). */
    public static int compute(byte[] data, int offset, int length, int preset) {
        int crc = preset & 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            int b = (data[i] ^ crc) & 0xFF;
            b = (b ^ (b << 4)) & 0xFF;
            crc = ((crc >> 8) ^ (b << 8) ^ (b << 3) ^ (b >> 4)) & 0xFFFF;
        }
        return crc;
    }

    public static int compute(byte[] data) {
        return compute(data, 0, data.length);
    }

    /** A copy of {@code data} with its CRC_A appended (LSB first). */
    public static byte[] append(byte[] data) {
        byte[] out = java.util.Arrays.copyOf(data, data.length + 2);
        int crc = compute(data);
        out[data.length] = (byte) crc;
        out[data.length + 1] = (byte) (crc >> 8);
        return out;
    }

    /** True when the last two bytes are the CRC_A of the ones before them. */
    public static boolean check(byte[] frame) {
        return check(frame, frame.length);
    }

    /** True when the first {@code length} bytes end with the CRC_A of the ones before them. */
    public static boolean check(byte[] frame, int length) {
        if (length < 3 || length > frame.length) {
            return false;
        }
        int crc = compute(frame, 0, length - 2);
        return (frame[length - 2] & 0xFF) == (crc & 0xFF) && (frame[length - 1] & 0xFF) == (crc >> 8);
    }
}
