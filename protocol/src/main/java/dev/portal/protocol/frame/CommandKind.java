package dev.portal.protocol.frame;

/** Command kind codes (first byte after the correlation id). A device answers an unknown kind with UNKNOWN_COMMAND. */
public enum CommandKind {
    SET_LED(1),
    WRITE_TOY(2),
    CALIBRATE(3),
    CONFIG_SET(4),
    FIRMWARE_CHUNK(5),
    REBIRTH(6),
    REBOOT(7),
    SHOW_VERDICT(8),
    WRITE_AREA(9),
    PRESENT_TOKEN(10),
    RESEND_FRAMES(11);

    private static final Codes<CommandKind> CODES = Codes.of(CommandKind.class, CommandKind::code);

    private final int code;

    CommandKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constant for a wire code, or null when this version does not know the code. */
    public static CommandKind fromCode(int code) {
        return CODES.find(code);
    }
}
