package dev.portal.hardware.reader;

import java.util.Objects;

/** What anticollision and selection tell about a tag: UID, ATQA (2 bytes, as received), SAK and the family. */
public record TagInfo(Uid uid, int atqa, int sak, TagFamily family) {
    public TagInfo {
        Objects.requireNonNull(uid);
        Objects.requireNonNull(family);
    }

    public static TagInfo of(Uid uid, int atqa, int sak) {
        return new TagInfo(uid, atqa, sak, TagFamily.fromSak(sak));
    }
}
