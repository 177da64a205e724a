package dev.portal.protocol.frame;

import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import java.util.Optional;

/**
 * A verdict on a placed tag. Since 1.1 portals send it only for foreign toys (1.2, verdict FOREIGN with the
 * foreign block, SPEC.md 5.3); hosts and tools use the other verdicts.
 *
 * @param pad     pad index, u8
 * @param slot    slot, u8
 * @param uid     1..10 bytes
 * @param verdict what was concluded
 * @param record  the decoded toy record: present exactly when the verdict is RECOGNISED
 * @param foreign who the foreign toy is (or that it fails its line's check): present exactly when the verdict is
 *                FOREIGN
 */
public record ToyRead(int pad, int slot, Uid uid, ToyVerdict verdict, Optional<ToyRecord> record,
                      Optional<ForeignReading> foreign) implements Message {
    public ToyRead {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        Check.present("uid", uid);
        Check.present("verdict", verdict);
        Check.present("record", record);
        Check.present("foreign", foreign);
        if (record.isPresent() != (verdict == ToyVerdict.RECOGNISED)) {
            throw new IllegalArgumentException("a toy record comes with verdict RECOGNISED and only then (verdict "
                    + verdict + ", record " + (record.isPresent() ? "present" : "absent") + ")");
        }
        if (foreign.isPresent() != (verdict == ToyVerdict.FOREIGN)) {
            throw new IllegalArgumentException("a foreign block comes with verdict FOREIGN and only then (verdict "
                    + verdict + ", foreign block " + (foreign.isPresent() ? "present" : "absent") + ")");
        }
    }

    /** A read with no foreign block (every verdict but FOREIGN). */
    public ToyRead(int pad, int slot, Uid uid, ToyVerdict verdict, Optional<ToyRecord> record) {
        this(pad, slot, uid, verdict, record, Optional.empty());
    }

    public static ToyRead recognised(int pad, int slot, Uid uid, ToyRecord record) {
        return new ToyRead(pad, slot, uid, ToyVerdict.RECOGNISED, Optional.of(record));
    }

    public static ToyRead unrecognised(int pad, int slot, Uid uid, ToyVerdict verdict) {
        return new ToyRead(pad, slot, uid, verdict, Optional.empty());
    }

    /** A foreign toy, identified or failing its line's check (1.2). */
    public static ToyRead foreign(int pad, int slot, Uid uid, ForeignReading reading) {
        return new ToyRead(pad, slot, uid, ToyVerdict.FOREIGN, Optional.empty(), Optional.of(reading));
    }
}
