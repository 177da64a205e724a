package dev.portal.device.config;

import java.util.Locale;
import java.util.Optional;

/** The reader chips a pad may have; its name in portal.json is the lower-case constant. */
public enum ReaderChip {
    MFRC522, PN532;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReaderChip> byName(String name) {
        for (ReaderChip c : values()) {
            if (c.configName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
