package dev.portal.protocol.toy;

import java.util.List;
import java.util.Objects;

/**
 * How to save a record onto a toy without risking the record it holds: write {@link #writes()} in order (the
 * target area's first unit last), then read the tag again and check {@link #confirmedBy(ToyReadResult)}.
 *
 * @param target  the area to write: never the one holding the current record
 * @param counter the write counter the new image carries
 * @param record  the record being written
 * @param image   the area image (header, body, authenticity tag), before padding to whole units
 * @param writes  the unit writes, in the order to perform them
 * @param clearsFirst whether the writes begin by zeroing the target's first unit (a blank target)
 */
public record ToyWritePlan(Area target, long counter, ToyRecord record, byte[] image, List<UnitWrite> writes,
                           boolean clearsFirst) {

    public ToyWritePlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(record, "record");
        image = image.clone();
        writes = List.copyOf(writes);
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    /** Whether reading the tag after the writes shows exactly this plan's record, counter and area. */
    public boolean confirmedBy(ToyReadResult after) {
        return after.verdict() == ToyVerdict.RECOGNISED
                && after.writeCounter() == counter
                && after.winner().equals(java.util.Optional.of(target))
                && after.record().equals(java.util.Optional.of(record));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToyWritePlan other && target == other.target && counter == other.counter
                && record.equals(other.record) && java.util.Arrays.equals(image, other.image)
                && writes.equals(other.writes) && clearsFirst == other.clearsFirst;
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, counter, record, java.util.Arrays.hashCode(image), writes);
    }

    @Override
    public String toString() {
        return "ToyWritePlan[area " + target + ", counter " + counter + ", " + image.length + " bytes in "
                + writes.size() + " writes]";
    }
}
