package dev.portal.device.presence;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.TagType;

/** Who holds a slot: the toy's UID, the pad it lies on, since when (service ms) and its tag type. */
public record Holder(Uid uid, int pad, int slot, long sinceMillis, TagType tagType) {
}
