package dev.portal.hardware.sim.tag;

import dev.portal.hardware.sim.rf.RfFrame;
import dev.portal.hardware.reader.Uid;
import java.util.Optional;

/**
 * A tag that only does ISO14443-3A activation (any UID length, a chosen SAK): stands in for cards the portal
 * does not read, e.g. an ISO14443-4 card with a 10-byte UID. Every command once ACTIVE gets a NAK.
 */
public final class PlainTypeATag extends VirtualTag {

    public PlainTypeATag(Uid uid, int sak) {
        super(uid, Cascade.atqaUidSizeBits(uid) | 0x04, sak);
    }

    public PlainTypeATag(Uid uid) {
        this(uid, 0x20);
    }

    @Override
    protected Optional<RfFrame> activeCommand(RfFrame command) {
        return nakAndLeave(NAK_INVALID);
    }
}
