package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;

/**
 * A tag came to rest on a pad. Sent as soon as the reader selects it, before its data is read, so the game
 * can react within one poll period; the decoded toy follows in a {@link ToyRead}.
 *
 * @param pad     pad index, u8
 * @param slot    stable slot on that pad, u8 (a toy put back gets its old slot)
 * @param uid     1..10 bytes (4, 7 or 10 for ISO 14443-3 tags)
 * @param tagType tag family
 */
public record TagPlaced(int pad, int slot, Uid uid, TagType tagType) implements Message {
    public TagPlaced {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        Check.present("uid", uid);
        Check.present("tagType", tagType);
    }
}
