package dev.portal.protocol.frame;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tag came to rest on a pad. Sent as soon as the reader selects it, before its data is read, so the game
 * can react within one poll period; the decoded toy follows in a {@link ToyRead}.
 *
 * @param pad     pad index, u8
 * @param slot    stable slot on that pad, u8 (a toy put back gets its old slot)
 * @param uid     1..10 bytes (4, 7 or 10 for ISO 14443-3 tags)
 * @param tagType tag family
 */
public record TagPlaced(int pad, int slot, byte[] uid, TagType tagType) implements Message {
    public TagPlaced {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        uid = Check.uid(uid);
        Check.present("tagType", tagType);
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    /** Length of the UID without copying it. */
    public int uidLength() {
        return uid.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagPlaced t && pad == t.pad && slot == t.slot && Arrays.equals(uid, t.uid) && tagType == t.tagType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pad, slot, Arrays.hashCode(uid), tagType);
    }

    @Override
    public String toString() {
        return "TagPlaced[pad=" + pad + ", slot=" + slot + ", uid=" + Hex.format(uid) + ", tagType=" + tagType + "]";
    }
}
