package dev.portal.protocol.toy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tag's user memory in a test: units addressed as a reader addresses them, filled with a factory pattern.
 * Writes to units the layout does not allow fail the test, as they would damage a real tag.
 */
final class SimulatedTag {

    private final TagLayout layout;
    private final byte[][] units;

    SimulatedTag(TagLayout layout, byte fill) {
        this.layout = layout;
        int max = layout.userUnits().stream().mapToInt(Integer::intValue).max().orElseThrow();
        this.units = new byte[max + 1][];
        for (int unit : layout.userUnits()) {
            byte[] data = new byte[layout.unitSize()];
            Arrays.fill(data, fill);
            units[unit] = data;
        }
    }

    TagLayout layout() {
        return layout;
    }

    void write(UnitWrite write) {
        byte[] data = write.data();
        if (write.unit() >= units.length || units[write.unit()] == null) {
            throw new AssertionError("write to unit " + write.unit() + ", which is not user memory on " + layout);
        }
        if (data.length != layout.unitSize()) {
            throw new AssertionError("write of " + data.length + " bytes to a " + layout.unitSize() + "-byte unit");
        }
        units[write.unit()] = data;
    }

    void writeAll(List<UnitWrite> writes) {
        writes.forEach(this::write);
    }

    /** Overwrites one unit with arbitrary bytes: what a write interrupted by lifting the toy may leave. */
    void scribble(int unit, byte[] garbage) {
        units[unit] = Arrays.copyOf(garbage, layout.unitSize());
    }

    byte[] area(Area area) {
        List<byte[]> reads = new ArrayList<>();
        for (int unit : layout.units(area)) {
            reads.add(units[unit].clone());
        }
        return layout.assemble(area, reads);
    }

    ToyReadResult read(byte[] uid, FleetKey key) {
        return SaveAreas.read(layout, area(Area.A), area(Area.B), uid, key);
    }
}
