package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import java.util.Optional;

/**
 * What the device found in a placed tag's memory. Follows the TagPlaced of the same tag.
 *
 * @param pad     pad index, u8
 * @param slot    slot, u8
 * @param uid     1..10 bytes
 * @param verdict what the device concluded
 * @param record  the decoded toy record: present exactly when the verdict is RECOGNISED
 */
public record ToyRead(int pad, int slot, Uid uid, ToyVerdict verdict, Optional<ToyRecord> record) implements Message {
    public ToyRead {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        Check.present("uid", uid);
        Check.present("verdict", verdict);
        Check.present("record", record);
        if (record.isPresent() != (verdict == ToyVerdict.RECOGNISED)) {
            throw new IllegalArgumentException("a toy record comes with verdict RECOGNISED and only then (verdict "
                    + verdict + ", record " + (record.isPresent() ? "present" : "absent") + ")");
        }
    }

    public static ToyRead recognised(int pad, int slot, Uid uid, ToyRecord record) {
        return new ToyRead(pad, slot, uid, ToyVerdict.RECOGNISED, Optional.of(record));
    }

    public static ToyRead unrecognised(int pad, int slot, Uid uid, ToyVerdict verdict) {
        return new ToyRead(pad, slot, uid, verdict, Optional.empty());
    }
}
