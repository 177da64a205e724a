package dev.portal.protocol.frame;

import dev.portal.protocol.foreign.FailedCheck;
import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.foreign.ForeignToy;
import dev.portal.protocol.foreign.ToyForm;
import dev.portal.protocol.foreign.ToyLine;

/**
 * The foreign block of a ToyRead (1.2, SPEC.md 5.3): line u8, check u8 (0 passed, 1 failed); when passed, form u8,
 * character id u16, variant u16, series u8. 2 bytes for a failed check, 8 for an identified toy.
 */
final class ForeignBlock {
    private static final int PASSED = 0;
    private static final int FAILED = 1;

    private ForeignBlock() {
    }

    static void write(ForeignReading reading, WireWriter w) {
        w.u8(reading.line().code());
        switch (reading) {
            case ForeignToy toy -> w.u8(PASSED).u8(toy.form().code()).u16(toy.characterId()).u16(toy.variant())
                    .u8(toy.series());
            case FailedCheck ignored -> w.u8(FAILED);
        }
    }

    static ForeignReading read(WireReader r) throws FrameException {
        int code = r.u8("line");
        ToyLine line = ToyLine.fromCode(code).orElseThrow(() ->
                new FrameException(FrameException.Reason.BAD_FIELD, "toy line " + code));
        int check = r.u8("check");
        return switch (check) {
            case PASSED -> new ForeignToy(line, ToyForm.fromCode(r.u8("form")), r.u16("character id"),
                    r.u16("variant"), r.u8("series"));
            case FAILED -> new FailedCheck(line);
            default -> throw new FrameException(FrameException.Reason.BAD_FIELD, "foreign check " + check);
        };
    }
}
