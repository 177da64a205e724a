package dev.portal.protocol.toy;

import java.util.Objects;
import java.util.Optional;

/**
 * What a portal made of a toy's tag.
 *
 * @param verdict      the overall judgement
 * @param record       the record, present exactly when the verdict is RECOGNISED
 * @param writeCounter the winning area's counter (0 when no area won); the next write uses this + 1
 * @param winner       the area the record came from, present exactly when the verdict is RECOGNISED
 * @param reason       a human-readable account of both areas, for logs and technicians
 * @param stateA       what area A holds on its own
 * @param stateB       what area B holds on its own
 */
public record ToyReadResult(ToyVerdict verdict, Optional<ToyRecord> record, long writeCounter,
                            Optional<Area> winner, String reason, AreaState stateA, AreaState stateB) {

    public ToyReadResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(winner, "winner");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(stateA, "stateA");
        Objects.requireNonNull(stateB, "stateB");
        boolean recognised = verdict == ToyVerdict.RECOGNISED;
        if (record.isPresent() != recognised || winner.isPresent() != recognised) {
            throw new IllegalArgumentException("record and winner are present exactly when RECOGNISED, verdict "
                    + verdict + ", record " + record.isPresent() + ", winner " + winner.isPresent());
        }
        if (writeCounter < 0 || writeCounter > ToyImage.MAX_COUNTER) {
            throw new IllegalArgumentException("write counter must be a u32, got " + writeCounter);
        }
    }

    /** The state of {@code area}. */
    public AreaState state(Area area) {
        return area == Area.A ? stateA : stateB;
    }
}
