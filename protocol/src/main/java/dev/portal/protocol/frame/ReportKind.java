package dev.portal.protocol.frame;

/** Kind of a {@link CommandReport}. Closed enumeration: an unknown code is a BAD_FIELD. */
public enum ReportKind {
    CALIBRATION(1),
    CONFIG(2);

    private static final Codes<ReportKind> CODES = Codes.of(ReportKind.class, ReportKind::code);

    private final int code;

    ReportKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The kind for a wire code, or null when this version does not know the code. */
    public static ReportKind fromCode(int code) {
        return CODES.find(code);
    }
}
