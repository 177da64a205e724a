package dev.portal.hardware.reader;

import dev.portal.protocol.id.Uid;
import java.util.Objects;

/**
 * What anticollision and selection tell about a tag: UID, ATQA, SAK and the family. ATQA is a 16-bit value with
 * the first byte received on the air in the low 8 bits (an NTAG sends 44 00: {@code atqa == 0x0044}; a 4-byte
 * MIFARE Classic 1K: {@code 0x0004}). SAK is the final one (cascade bit clear).
 */
public record TagInfo(Uid uid, int atqa, int sak, TagFamily family) {
    public TagInfo {
        Objects.requireNonNull(uid);
        Objects.requireNonNull(family);
    }

    public static TagInfo of(Uid uid, int atqa, int sak) {
        return new TagInfo(uid, atqa, sak, TagFamily.fromSak(sak));
    }
}
