package dev.portal.bridge.state;

import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.toy.AreaBytes;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a toy's tag held when a portal last read it (its two areas, raw), and the newest write counter the host
 * has seen on that UID. Writes are planned from it; an older counter later is a rolled-back tag.
 *
 * @param lastCounter the newest authentic counter seen or written; empty before the first recognised read
 */
public record TagImage(String uid, TagType tagType, Optional<AreaBytes> areaA, Optional<AreaBytes> areaB,
                       OptionalLong lastCounter, long readMillis) {
    public TagImage {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(tagType, "tagType");
        Objects.requireNonNull(areaA, "areaA");
        Objects.requireNonNull(areaB, "areaB");
        Objects.requireNonNull(lastCounter, "lastCounter");
    }

    /** The read as the portal reported it, placed where the toy lies now. */
    public ToyAreas asRead(int pad, int slot) {
        return new ToyAreas(pad, slot, ProfileRecords.uidOf(uid), tagType, areaA, areaB);
    }
}
