package dev.portal.bridge.demo;

import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;

import java.util.HexFormat;
import java.util.Optional;

/**
 * A simulated NFC tag: its UID, family and what a reader would conclude from its memory. A tampered tag is one
 * whose toy data fails its integrity check; a blank one holds no toy data.
 */
public final class SimTag {
    private final byte[] uid;
    private final TagType type;
    private ToyRecord record;
    private final ToyVerdict verdict;

    private SimTag(byte[] uid, TagType type, ToyRecord record, ToyVerdict verdict) {
        this.uid = uid.clone();
        this.type = type;
        this.record = record;
        this.verdict = verdict;
    }

    public static SimTag toy(String uidHex, ToyRecord record) {
        return new SimTag(HexFormat.of().parseHex(uidHex), TagType.NTAG215, record, ToyVerdict.RECOGNISED);
    }

    public static SimTag tampered(String uidHex) {
        return new SimTag(HexFormat.of().parseHex(uidHex), TagType.NTAG215, null, ToyVerdict.TAMPERED);
    }

    public static SimTag blank(String uidHex) {
        return new SimTag(HexFormat.of().parseHex(uidHex), TagType.NTAG213, null, ToyVerdict.BLANK);
    }

    public byte[] uid() {
        return uid.clone();
    }

    public String uidHex() {
        return HexFormat.of().withUpperCase().formatHex(uid);
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
