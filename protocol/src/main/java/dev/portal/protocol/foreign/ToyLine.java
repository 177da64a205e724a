package dev.portal.protocol.foreign;

import java.util.Locale;
import java.util.Optional;

/** The toys-to-life lines a portal recognises without owning them (SPEC.md section 12); wire codes are u8. */
public enum ToyLine {
    /** Nintendo amiibo: NTAG215, the figure id in plain text in pages 0x15..0x16. */
    AMIIBO(1),
    /** Skylanders: MIFARE Classic 1K, character and variant in sector 0 under a published key. */
    SKYLANDERS(2),
    /** LEGO Dimensions: NTAG213 behind a UID-derived password; characters encrypted, vehicles plain. */
    LEGO_DIMENSIONS(3);

    private final int code;

    ToyLine(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The lower-case name used in JSON ({@code amiibo}, {@code skylanders}, {@code lego_dimensions}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ToyLine> fromCode(int code) {
        for (ToyLine line : values()) {
            if (line.code == code) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    public static Optional<ToyLine> fromJsonName(String name) {
        for (ToyLine line : values()) {
            if (line.jsonName().equals(name)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }
}
