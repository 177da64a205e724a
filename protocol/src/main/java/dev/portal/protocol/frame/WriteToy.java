package dev.portal.protocol.frame;

import dev.portal.protocol.toy.ToyRecord;
import java.util.Arrays;
import java.util.Objects;

/**
 * Write a toy record back onto the tag on a pad. The uid guards the write: the device answers NO_TAG unless
 * that very tag is on that pad and slot, so a toy swapped in the meantime never receives another toy's data.
 */
public record WriteToy(int pad, int slot, byte[] uid, ToyRecord record) implements CommandBody {
    public WriteToy {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        uid = Check.uid(uid);
        Check.present("record", record);
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriteToy t && pad == t.pad && slot == t.slot && Arrays.equals(uid, t.uid)
                && record.equals(t.record);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pad, slot, Arrays.hashCode(uid), record);
    }

    @Override
    public String toString() {
        return "WriteToy[pad=" + pad + ", slot=" + slot + ", uid=" + Hex.format(uid) + ", record=" + record + "]";
    }
}
