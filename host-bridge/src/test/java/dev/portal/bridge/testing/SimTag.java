package dev.portal.bridge.testing;

import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;

import java.util.Optional;

/**
 * A simulated NFC tag: its UID, family and what a reader would conclude from its memory. A tampered tag is one
 * whose toy data fails its integrity check; a blank one holds no toy data.
 */
public final class SimTag {
    private final Uid uid;
    private final TagType type;
    private ToyRecord record;
    private final ToyVerdict verdict;

    private SimTag(Uid uid, TagType type, ToyRecord record, ToyVerdict verdict) {
        this.uid = uid;
        this.type = type;
        this.record = record;
        this.verdict = verdict;
    }

    public static SimTag toy(String uidHex, ToyRecord record) {
        return new SimTag(Uid.parse(uidHex), TagType.NTAG215, record, ToyVerdict.RECOGNISED);
    }

    public static SimTag tampered(String uidHex) {
        return new SimTag(Uid.parse(uidHex), TagType.NTAG215, null, ToyVerdict.TAMPERED);
    }

    public static SimTag blank(String uidHex) {
        return new SimTag(Uid.parse(uidHex), TagType.NTAG213, null, ToyVerdict.BLANK);
    }

    public Uid uid() {
        return uid;
    }

    public String uidHex() {
        return uid.hex();
    }

    public TagType type() {
        return type;
    }

    public synchronized ToyVerdict verdict() {
        return record != null ? ToyVerdict.RECOGNISED : verdict;
    }

    public synchronized Optional<ToyRecord> record() {
        return Optional.ofNullable(record);
    }

    /** What a successful WriteToy leaves in the tag's memory. */
    public synchronized void write(ToyRecord newRecord) {
        this.record = newRecord;
    }
}
