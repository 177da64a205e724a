package dev.portal.protocol.frame;

/** How a pad LED shows its colour. */
public enum LedMode {
    OFF(0),
    SOLID(1),
    BLINK(2),
    PULSE(3);

    private static final Codes<LedMode> CODES = Codes.of(LedMode.class, LedMode::code);

    private final int code;

    LedMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constant for a wire code, or null when this version does not know the code. */
    public static LedMode fromCode(int code) {
        return CODES.find(code);
    }
}
