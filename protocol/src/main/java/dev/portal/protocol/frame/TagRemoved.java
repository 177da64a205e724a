package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;

/**
 * A tag left its pad (confirmed after the pad's removal miss threshold, so a missed poll is not a removal).
 *
 * @param pad           pad index, u8
 * @param slot          the slot it held, u8
 * @param uid           1..10 bytes
 * @param presentMillis how long it stayed, u48 milliseconds
 */
public record TagRemoved(int pad, int slot, Uid uid, long presentMillis) implements Message {
    public TagRemoved {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        Check.present("uid", uid);
        Check.u48("presentMillis", presentMillis);
    }
}
