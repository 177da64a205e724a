package dev.portal.protocol.frame;

import java.util.Locale;

/** Lower-case hex, the textual form of bytes in logs, JSON trees and the conformance suite. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String format(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Parses hex digits; spaces, colons and a leading "0x" are tolerated so that pasted dumps work.
     *
     * @throws IllegalArgumentException for any other character or an odd number of digits
     */
    public static byte[] parse(String text) {
        String s = text.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith("0x")) {
            s = s.substring(2);
        }
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == ':' || c == '\n' || c == '\t' || c == '\r') {
                continue;
            }
            if (Character.digit(c, 16) < 0) {
                throw new IllegalArgumentException("not a hex digit: '" + c + "' at index " + i);
            }
            digits.append(c);
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + digits.length() + ")");
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }
}
