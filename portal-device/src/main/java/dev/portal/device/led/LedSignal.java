package dev.portal.device.led;

import dev.portal.protocol.frame.LedMode;
import dev.portal.protocol.toy.ToyVerdict;

/** What a pad's LED tells the player, with the colour and mode it uses for it. */
public enum LedSignal {
    IDLE(0x000000, LedMode.OFF),
    PLACED(0xFFFFFF, LedMode.SOLID),
    /**
     * The toy's save areas went to the host and its verdict has not come back (the bridge may be away): a dim
     * white pulse. Half brightness is still "on" for an on/off RGB LED ({@link LedColours}), where it shows as
     * white blinking, unlike PLACED's steady white.
     */
    UNVERIFIED(0x808080, LedMode.PULSE),
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

    /** What the pad shows once the host has judged a toy (ShowVerdict): a blank toy looks merely placed. */
    public static LedSignal forVerdict(ToyVerdict verdict) {
        return switch (verdict) {
            case RECOGNISED, FOREIGN -> RECOGNISED;
            case BLANK -> PLACED;
            case UNKNOWN, TAMPERED -> UNKNOWN;
        };
    }
}
