package dev.portal.protocol.frame;

import dev.portal.protocol.toy.TagLayout;

import java.util.Optional;

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

    /**
     * Where a toy record lives on this type (SPEC.md 11.5), if it has a place: NTAG216 uses the NTAG215 layout;
     * MIFARE Classic 4K and Mini, and unknown types, hold no toy record.
     */
    public Optional<TagLayout> toyLayout() {
        return switch (this) {
            case NTAG213 -> Optional.of(TagLayout.NTAG213);
            case NTAG215, NTAG216 -> Optional.of(TagLayout.NTAG215);
            case CLASSIC_1K -> Optional.of(TagLayout.CLASSIC_1K);
            default -> Optional.empty();
        };
    }

    /** The constant for a wire code, or null when this version does not know the code. */
    public static TagType fromCode(int code) {
        return CODES.find(code);
    }
}
