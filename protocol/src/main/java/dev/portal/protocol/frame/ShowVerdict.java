package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyVerdict;

/**
 * The host's verdict on a toy the portal reported (ToyAreas), for the pad's light (since 1.1). Until it comes,
 * the portal shows "not verified yet"; the uid guards it, so a verdict for a toy lifted in the meantime is
 * answered NO_TAG and shown nowhere.
 */
public record ShowVerdict(int pad, int slot, Uid uid, ToyVerdict verdict) implements CommandBody {
    public ShowVerdict {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        Check.present("uid", uid);
        Check.present("verdict", verdict);
    }
}
