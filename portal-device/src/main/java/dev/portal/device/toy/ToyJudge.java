package dev.portal.device.toy;

import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.SaveAreas;
import dev.portal.protocol.toy.ToyReadResult;

import java.util.Optional;

/**
 * Reads both save areas of a selected toy and judges them with the fleet key. Without a fleet key, or on a tag
 * type with no layout, the toy is UNKNOWN (the result is empty).
 */
public final class ToyJudge {
    private final Optional<FleetKey> key;

    public ToyJudge(Optional<FleetKey> key) {
        this.key = key;
    }

    public Optional<FleetKey> key() {
        return key;
    }

    /** Empty when this portal cannot judge the tag (no key, no layout). Reader failures propagate. */
    public Optional<ToyReadResult> read(TagSession session, TagType type, Uid uid) throws ReaderException {
        Optional<TagLayout> layout = TagMemory.layout(type);
        if (key.isEmpty() || layout.isEmpty()) {
            return Optional.empty();
        }
        byte[] a = TagMemory.readArea(session, layout.get(), Area.A);
        byte[] b = TagMemory.readArea(session, layout.get(), Area.B);
        return Optional.of(SaveAreas.read(layout.get(), a, b, uid.bytes(), key.get()));
    }
}
