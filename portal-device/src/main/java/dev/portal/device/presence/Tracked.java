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
    /** Its areas went to the host (ToyAreas), read or, after the last attempt, empty. */
    boolean reported;
    /** The host judged it TAMPERED and the health counter has counted it (once a placement). */
    boolean countedTampered;

    Tracked(TagInfo tag, TagType type, int slot) {
        this.tag = tag;
        this.type = type;
        this.slot = slot;
    }
}
