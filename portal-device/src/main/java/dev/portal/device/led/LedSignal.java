package dev.portal.device.led;

import dev.portal.protocol.frame.LedMode;

/** What a pad's LED tells the player, with the colour and mode it uses for it. */
public enum LedSignal {
    IDLE(0x000000, LedMode.OFF),
    PLACED(0xFFFFFF, LedMode.SOLID),
    RECOGNISED(0x00C000, LedMode.SOLID),
    UNKNOWN(0xFF8000, LedMode.BLINK),
    WRITING(0x0060FF, LedMode.PULSE),
    ERROR(0xFF0000, LedMode.BLINK);

    private final int rgb;
    private final LedMode mode;

    LedSignal(int rgb, LedMode mode) {
        this.rgb = rgb;
        this.mode = mode;
    }

    public int rgb() {
        return rgb;
    }

    public LedMode mode() {
        return mode;
    }
}
