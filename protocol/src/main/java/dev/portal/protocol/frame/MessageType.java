package dev.portal.protocol.frame;

/** Message type codes (header byte 1). Device-to-host events 0x01.., device state 0x10.., commands 0x20... */
public enum MessageType {
    TAG_PLACED(0x01),
    TAG_REMOVED(0x02),
    TOY_READ(0x03),
    TOY_AREAS(0x04),
    BIRTH(0x10),
    HEARTBEAT(0x11),
    COMMAND(0x20),
    COMMAND_RESULT(0x21),
    COMMAND_REPORT(0x22);

    private static final Codes<MessageType> CODES = Codes.of(MessageType.class, MessageType::code);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a code, or null when this version does not know it. */
    public static MessageType fromCode(int code) {
        return CODES.find(code);
    }
}
