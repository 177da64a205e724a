package dev.portal.hardware.reader;

/** Tag families the portal knows, told apart by SAK (and, for NTAG, by GET_VERSION where a driver asks). */
public enum TagFamily {
    MIFARE_CLASSIC_1K,
    MIFARE_CLASSIC_4K,
    MIFARE_CLASSIC_MINI,
    /** Ultralight / NTAG21x: SAK 0x00. Which NTAG (213/215/216) is known only after GET_VERSION. */
    NTAG,
    UNKNOWN;

    public static TagFamily fromSak(int sak) {
        return switch (sak & 0x7F) {
            case 0x08 -> MIFARE_CLASSIC_1K;
            case 0x18 -> MIFARE_CLASSIC_4K;
            case 0x09 -> MIFARE_CLASSIC_MINI;
            case 0x00 -> NTAG;
            default -> UNKNOWN;
        };
    }
}
