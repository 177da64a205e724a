package dev.portal.protocol.frame;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tag left its pad (confirmed after the pad's removal miss threshold, so a missed poll is not a removal).
 *
 * @param pad           pad index, u8
 * @param slot          the slot it held, u8
 * @param uid           1..10 bytes
 * @param presentMillis how long it stayed, u48 milliseconds
 */
public record TagRemoved(int pad, int slot, byte[] uid, long presentMillis) implements Message {
    public TagRemoved {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        uid = Check.uid(uid);
        Check.u48("presentMillis", presentMillis);
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
        return o instanceof TagRemoved t && pad == t.pad && slot == t.slot && Arrays.equals(uid, t.uid)
                && presentMillis == t.presentMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pad, slot, Arrays.hashCode(uid), presentMillis);
    }

    @Override
    public String toString() {
        return "TagRemoved[pad=" + pad + ", slot=" + slot + ", uid=" + Hex.format(uid) + ", presentMillis=" + presentMillis + "]";
    }
}
