package dev.portal.protocol.frame;

/**
 * Light a pad's LED.
 *
 * @param pad            pad index, or {@link #ALL_PADS}
 * @param rgb            colour 0xRRGGBB
 * @param mode           how to show it
 * @param durationMillis u32; 0 keeps the LED so until the next SetLed
 */
public record SetLed(int pad, int rgb, LedMode mode, long durationMillis) implements CommandBody {
    public static final int ALL_PADS = 0xFF;

    public SetLed {
        Check.u8("pad", pad);
        Check.range("rgb", rgb, 0, 0xFF_FFFF);
        Check.present("mode", mode);
        Check.u32("durationMillis", durationMillis);
    }
}
