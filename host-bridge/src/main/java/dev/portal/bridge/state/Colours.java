package dev.portal.bridge.state;

/** A toy's three chosen colours as 0xRRGGBB. */
public record Colours(int primary, int secondary, int accent) {
    public Colours {
        requireRgb(primary);
        requireRgb(secondary);
        requireRgb(accent);
    }

    private static void requireRgb(int value) {
        if (value < 0 || value > 0xFFFFFF) {
            throw new IllegalArgumentException("colour out of range 0..0xFFFFFF: " + value);
        }
    }

    public static String hex(int rgb) {
        return String.format("#%06X", rgb);
    }

    /** Parses "#RRGGBB" or "RRGGBB". */
    public static int parseHex(String text) {
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (digits.length() != 6) {
            throw new IllegalArgumentException("colour must be #RRGGBB: " + text);
        }
        return Integer.parseInt(digits, 16);
    }
}
