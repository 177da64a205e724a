package dev.portal.protocol.toy;

/**
 * The three colours a player chose for a toy, each as 0xRRGGBB (24 bits, no alpha).
 */
public record Colours(int primary, int secondary, int accent) {

    /** Largest value a colour can take: 24 bits of red, green and blue. */
    public static final int MAX_RGB = 0xFF_FF_FF;

    public Colours {
        check("primary", primary);
        check("secondary", secondary);
        check("accent", accent);
    }

    private static void check(String which, int rgb) {
        if (rgb < 0 || rgb > MAX_RGB) {
            throw new IllegalArgumentException(
                    which + " colour must be 0xRRGGBB (0x000000..0xFFFFFF), got 0x" + Integer.toHexString(rgb));
        }
    }

    @Override
    public String toString() {
        return String.format("Colours[primary=#%06X, secondary=#%06X, accent=#%06X]", primary, secondary, accent);
    }
}
