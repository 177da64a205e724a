package dev.portal.protocol.frame;

import dev.portal.protocol.frame.FrameException.Reason;
import dev.portal.protocol.toy.ToyFormatException;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyRecordCodec;
import dev.portal.protocol.toy.ToyVerdict;
import java.util.Optional;

/** Embeds toy record bodies (SPEC.md section 11 (Toy record), "Record body") in frames as u16 length + body; length 0 = none. */
final class ToyRecords {
    private ToyRecords() {
    }

    static void write(ToyRecord record, WireWriter w) {
        w.bytes16(ToyRecordCodec.encode(record));
    }

    static Optional<ToyRecord> read(WireReader r) throws FrameException {
        byte[] body = r.bytes16(0, Limits.MAX_TOY_RECORD, "toy record");
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(ToyRecordCodec.decode(body));
        } catch (ToyFormatException e) {
            throw new FrameException(Reason.BAD_FIELD, "toy record: " + e.getMessage());
        }
    }

    static ToyRecord require(WireReader r) throws FrameException {
        return read(r).orElseThrow(() -> new FrameException(Reason.BAD_FIELD, "WriteToy without a toy record"));
    }

    /** Verdict codes; closed enumeration. */
    static int code(ToyVerdict v) {
        return switch (v) {
            case RECOGNISED -> 1;
            case BLANK -> 2;
            case UNKNOWN -> 3;
            case TAMPERED -> 4;
            case FOREIGN -> 5;
        };
    }

    static ToyVerdict verdict(int code) throws FrameException {
        return switch (code) {
            case 1 -> ToyVerdict.RECOGNISED;
            case 2 -> ToyVerdict.BLANK;
            case 3 -> ToyVerdict.UNKNOWN;
            case 4 -> ToyVerdict.TAMPERED;
            case 5 -> ToyVerdict.FOREIGN;
            default -> throw new FrameException(Reason.BAD_FIELD, "toy verdict " + code);
        };
    }
}
