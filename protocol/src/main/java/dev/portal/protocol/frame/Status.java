package dev.portal.protocol.frame;

/** Outcome of a command. Closed enumeration: an unknown code is a BAD_FIELD. */
public enum Status {
    OK(0),
    REJECTED(1),
    FAILED(2),
    UNKNOWN_COMMAND(3),
    BUSY(4),
    TIMEOUT(5),
    NO_TAG(6);

    private static final Codes<Status> CODES = Codes.of(Status.class, Status::code);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constant for a wire code, or null when this version does not know the code. */
    public static Status fromCode(int code) {
        return CODES.find(code);
    }
}
