package dev.portal.protocol.foreign;

import java.nio.charset.StandardCharsets;

/**
 * The secrets of a LEGO Dimensions tag, all derived from its 7-byte UID: the NTAG213 password (PWD_AUTH) and the
 * 128-bit TEA key that encrypts a character's id. Both come from one mixing function over little-endian 32-bit
 * words: start at 0, and for each word w the state s becomes w + rotl(s, 7) + rotl(s, 22) - s (mod 2^32).
 */
public final class LegoKeys {
    /** The text after the UID in the password's input (23 ASCII bytes); two 0xAA bytes pad it to 32. */
    private static final byte[] PASSWORD_TEXT = "(c) Copyright LEGO 2014".getBytes(StandardCharsets.US_ASCII);
    /** Bytes 7..23 of the key schedule's 24-byte input, after the UID (bytes 0..6). */
    private static final int[] KEY_INPUT_TAIL = {
        0xB7, 0xD5, 0xD7, 0xE6, 0xE7, 0xBA, 0x3C, 0xA8, 0xD8, 0x75, 0x47,
        0x68, 0xCF, 0x23, 0xE9, 0xFE, 0xAA};
    public static final int UID_BYTES = 7;

    private LegoKeys() {
    }

    /** The 4 password bytes as sent in PWD_AUTH (the mixed state, least significant byte first). */
    public static byte[] password(byte[] uid7) {
        requireUid(uid7);
        byte[] input = new byte[32];
        System.arraycopy(uid7, 0, input, 0, UID_BYTES);
        System.arraycopy(PASSWORD_TEXT, 0, input, UID_BYTES, PASSWORD_TEXT.length);
        input[30] = (byte) 0xAA;
        input[31] = (byte) 0xAA;
        int s = mix(input, 8);
        return new byte[] {(byte) s, (byte) (s >>> 8), (byte) (s >>> 16), (byte) (s >>> 24)};
    }

    /**
     * The TEA key as four 32-bit words. Word i (0..3) mixes the first 3 + i words of a 24-byte input: the UID,
     * then {@link #KEY_INPUT_TAIL}, with the last byte of the words used overwritten by 0xAA.
     */
    public static int[] teaKey(byte[] uid7) {
        requireUid(uid7);
        int[] key = new int[4];
        for (int i = 0; i < 4; i++) {
            int words = 3 + i;
            byte[] input = keyInput(uid7);
            input[words * 4 - 1] = (byte) 0xAA;
            key[i] = mix(input, words);
        }
        return key;
    }

    /** The TEA key as 16 bytes, each word big-endian (how it is usually printed). */
    public static byte[] teaKeyBytes(byte[] uid7) {
        int[] words = teaKey(uid7);
        byte[] out = new byte[16];
        for (int i = 0; i < 4; i++) {
            for (int b = 0; b < 4; b++) {
                out[i * 4 + b] = (byte) (words[i] >>> (24 - 8 * b));
            }
        }
        return out;
    }

    private static byte[] keyInput(byte[] uid7) {
        byte[] input = new byte[UID_BYTES + KEY_INPUT_TAIL.length];
        System.arraycopy(uid7, 0, input, 0, UID_BYTES);
        for (int i = 0; i < KEY_INPUT_TAIL.length; i++) {
            input[UID_BYTES + i] = (byte) KEY_INPUT_TAIL[i];
        }
        return input;
    }

    private static int mix(byte[] input, int words) {
        int s = 0;
        for (int n = 0; n < words; n++) {
            int w = (input[4 * n] & 0xFF) | (input[4 * n + 1] & 0xFF) << 8 | (input[4 * n + 2] & 0xFF) << 16
                    | (input[4 * n + 3] & 0xFF) << 24;
            s = w + Integer.rotateLeft(s, 7) + Integer.rotateLeft(s, 22) - s;
        }
        return s;
    }

    private static void requireUid(byte[] uid7) {
        if (uid7.length != UID_BYTES) {
            throw new IllegalArgumentException("LEGO Dimensions secrets derive from a 7-byte UID, not " + uid7.length);
        }
    }
}
