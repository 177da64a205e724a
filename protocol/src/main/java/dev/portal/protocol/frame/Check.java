package dev.portal.protocol.frame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Range checks shared by the message records, so that every record that can be constructed can be encoded.
 * Violations are programming errors on the sending side and raise {@link IllegalArgumentException}.
 */
final class Check {
    static final long U32_MAX = 0xFFFF_FFFFL;
    static final long U48_MAX = 0xFFFF_FFFF_FFFFL;

    private Check() {
    }

    static int u8(String name, int value) {
        return range(name, value, 0, 0xFF);
    }

    static int u16(String name, int value) {
        return range(name, value, 0, 0xFFFF);
    }

    static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    static long u32(String name, long value) {
        if (value < 0 || value > U32_MAX) {
            throw new IllegalArgumentException(name + " must be 0..4294967295, not " + value);
        }
        return value;
    }

    static long u48(String name, long value) {
        if (value < 0 || value > U48_MAX) {
            throw new IllegalArgumentException(name + " must be 0..2^48-1, not " + value);
        }
        return value;
    }

    static byte[] bytes(String name, byte[] value, int min, int max) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (value.length < min || value.length > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + " bytes, not " + value.length);
        }
        return value.clone();
    }

    /** Text must be well-formed (no lone surrogates, no U+0000) and fit its length prefix once UTF-8 encoded. */
    static String text(String name, String value, int maxBytes) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(name + " holds U+0000 at index " + value.indexOf('\u0000'));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(name + " holds a lone surrogate at index " + i);
            }
        }
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length > maxBytes) {
            throw new IllegalArgumentException(name + " is " + length + " UTF-8 bytes, at most " + maxBytes + " allowed");
        }
        return value;
    }

    static <T> T present(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    static String hexOrNull(byte[] b) {
        return b == null ? "null" : Hex.format(b);
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
