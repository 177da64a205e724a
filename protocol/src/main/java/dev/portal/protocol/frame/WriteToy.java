package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyRecord;

/**
 * Write a toy record back onto the tag on a pad. The uid guards the write: the device answers NO_TAG unless
 * that very tag is on that pad and slot, so a toy swapped in the meantime never receives another toy's data.
 */
public record WriteToy(int pad, int slot, Uid uid, ToyRecord record) implements CommandBody {
    public WriteToy {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        Check.present("uid", uid);
        Check.present("record", record);
    }
}
