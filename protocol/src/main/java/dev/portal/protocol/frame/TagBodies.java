package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;

import java.util.List;
import java.util.Optional;

/** Bodies of TagPlaced, TagRemoved and ToyRead: pad u8, slot u8, uid (u8 length + bytes), then per type. */
final class TagBodies {
    private static final int NOT_READ = 0xFF;

    private TagBodies() {
    }

    static void writePlaced(TagPlaced t, WireWriter w) {
        w.u8(t.pad()).u8(t.slot()).bytes8(t.uid().bytes()).u8(t.tagType().code());
    }

    static TagPlaced readPlaced(WireReader r) throws FrameException {
        int pad = r.u8("pad");
        int slot = r.u8("slot");
        Uid uid = uid(r);
        TagType type = TagType.fromCode(r.u8("tag type"));
        return new TagPlaced(pad, slot, uid, type == null ? TagType.OTHER : type);
    }

    static void writeRemoved(TagRemoved t, WireWriter w) {
        w.u8(t.pad()).u8(t.slot()).bytes8(t.uid().bytes()).u48(t.presentMillis());
    }

    static TagRemoved readRemoved(WireReader r) throws FrameException {
        int pad = r.u8("pad");
        int slot = r.u8("slot");
        Uid uid = uid(r);
        return new TagRemoved(pad, slot, uid, r.u48("present millis"));
    }

    static void writeToyRead(ToyRead t, WireWriter w) {
        w.u8(t.pad()).u8(t.slot()).bytes8(t.uid().bytes()).u8(ToyRecords.code(t.verdict()));
        if (t.record().isPresent()) {
            ToyRecords.write(t.record().get(), w);
        } else {
            w.u16(0);
        }
        t.foreign().ifPresent(f -> ForeignBlock.write(f, w));
    }

    static ToyRead readToyRead(WireReader r) throws FrameException {
        int pad = r.u8("pad");
        int slot = r.u8("slot");
        Uid uid = uid(r);
        ToyVerdict verdict = ToyRecords.verdict(r.u8("verdict"));
        Optional<ToyRecord> record = ToyRecords.read(r);
        if (verdict != ToyVerdict.FOREIGN) {
            return new ToyRead(pad, slot, uid, verdict, record); // later bytes: a newer minor version's (rule 9)
        }
        if (record.isPresent()) {
            throw new FrameException(FrameException.Reason.BAD_FIELD, "a foreign toy carries no toy record");
        }
        return new ToyRead(pad, slot, uid, verdict, record, Optional.of(ForeignBlock.read(r)));
    }

    /** Per area: u8 length 0..64 then the bytes, or 0xFF for an area not read. */
    static void writeToyAreas(ToyAreas t, WireWriter w) {
        w.u8(t.pad()).u8(t.slot()).bytes8(t.uid().bytes()).u8(t.tagType().code());
        for (Optional<AreaBytes> area : List.of(t.areaA(), t.areaB())) {
            if (area.isPresent()) {
                w.bytes8(area.get().bytes());
            } else {
                w.u8(NOT_READ);
            }
        }
    }

    static ToyAreas readToyAreas(WireReader r) throws FrameException {
        int pad = r.u8("pad");
        int slot = r.u8("slot");
        Uid uid = uid(r);
        TagType type = TagType.fromCode(r.u8("tag type"));
        Optional<AreaBytes> a = area(r, "area A");
        Optional<AreaBytes> b = area(r, "area B");
        return new ToyAreas(pad, slot, uid, type == null ? TagType.OTHER : type, a, b);
    }

    private static Optional<AreaBytes> area(WireReader r, String field) throws FrameException {
        int length = r.u8(field + " length");
        if (length == NOT_READ) {
            return Optional.empty();
        }
        if (length > AreaBytes.MAX_BYTES) {
            throw new FrameException(FrameException.Reason.TOO_LONG, field + " of " + length + " bytes exceeds "
                    + AreaBytes.MAX_BYTES);
        }
        return Optional.of(AreaBytes.of(r.bytes(length, field)));
    }

    static Uid uid(WireReader r) throws FrameException {
        return Uid.fromWire(r.bytes8(Limits.MIN_UID, Limits.MAX_UID, "uid"));
    }
}
