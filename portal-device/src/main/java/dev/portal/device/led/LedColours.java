package dev.portal.device.led;

import dev.portal.hardware.gpio.LedEffect;
import dev.portal.hardware.gpio.PadColour;
import dev.portal.protocol.frame.LedMode;

/** Maps the protocol's 24-bit colours and modes onto what an on/off RGB LED can show. */
public final class LedColours {
    private LedColours() {
    }

    /** Each channel at half brightness or more counts as on. */
    public static PadColour nearest(int rgb) {
        boolean r = (rgb >> 16 & 0xFF) >= 0x80;
        boolean g = (rgb >> 8 & 0xFF) >= 0x80;
        boolean b = (rgb & 0xFF) >= 0x80;
        for (PadColour c : PadColour.values()) {
            if (c.red() == r && c.green() == g && c.blue() == b) {
                return c;
            }
        }
        return PadColour.OFF;
    }

    public static LedEffect effect(LedMode mode) {
        return switch (mode) {
            case OFF, SOLID -> LedEffect.SOLID;
            case BLINK -> LedEffect.BLINK;
            case PULSE -> LedEffect.FAST_BLINK;
        };
    }
}
