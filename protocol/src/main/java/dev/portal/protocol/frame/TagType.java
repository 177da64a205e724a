package dev.portal.protocol.frame;

/** Tag family reported with a placement. Open enumeration: a decoder maps codes it does not know to {@link #OTHER}. */
public enum TagType {
    CLASSIC_1K(1),
    NTAG213(2),
    NTAG215(3),
    NTAG216(4),
    CLASSIC_4K(5),
    CLASSIC_MINI(6),
    OTHER(0);

    private static final Codes<TagType> CODES = Codes.of(TagType.class, TagType::code);

    private final int code;

    TagType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constant for a wire code, or null when this version does not know the code. */
    public static TagType fromCode(int code) {
        return CODES.find(code);
    }
}
