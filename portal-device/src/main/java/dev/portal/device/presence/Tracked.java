package dev.portal.device.presence;

import dev.portal.hardware.reader.TagInfo;
import dev.portal.protocol.frame.TagType;

/** A tag a pad believes is on it. Confined to the pad's poll thread. */
final class Tracked {
    final TagInfo tag;
    final TagType type;
    final int slot;
    int misses;
    int readAttempts;
    boolean judged;

    Tracked(TagInfo tag, TagType type, int slot) {
        this.tag = tag;
        this.type = type;
        this.slot = slot;
    }
}
