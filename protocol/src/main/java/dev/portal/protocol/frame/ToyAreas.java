package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.SaveAreas;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.ToyReadResult;

import java.util.Optional;

/**
 * What a portal read from a placed tag's two save areas, unjudged (since 1.1). A portal holds no toy key: the
 * host judges the bytes ({@link #judge}) and tells the portal the verdict (ShowVerdict). Follows the TagPlaced of
 * the same tag, and every write the portal made to it.
 *
 * @param tagType the tag's type, which names its layout
 * @param areaA   area A's bytes; empty when it could not be read or the type has no toy layout
 * @param areaB   area B's bytes, likewise
 */
public record ToyAreas(int pad, int slot, Uid uid, TagType tagType, Optional<AreaBytes> areaA,
                       Optional<AreaBytes> areaB) implements Message {
    public ToyAreas {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        Check.present("uid", uid);
        Check.present("tag type", tagType);
        Check.present("area A", areaA);
        Check.present("area B", areaB);
    }

    /** The fingerprint a write planned from this read names (WriteToy's expected digest). */
    public long digest() {
        return AreaBytes.digest(areaA, areaB);
    }

    /** The verdict on these bytes with the toy key: what only the host can say. */
    public ToyReadResult judge(FleetKey key) {
        Optional<TagLayout> layout = tagType.toyLayout();
        if (layout.isEmpty() || !uid.isIso14443a()) {
            return SaveAreas.unjudgeable("tag type " + tagType + " with a " + uid.length() + "-byte UID has no toy layout");
        }
        return SaveAreas.read(layout.get(), areaA.map(AreaBytes::bytes).orElse(null),
                areaB.map(AreaBytes::bytes).orElse(null), uid.bytes(), key);
    }
}
