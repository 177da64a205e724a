package dev.portal.protocol.toy;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One write the reader performs: {@code data} (one unit: a 4-byte NTAG page or a 16-byte MIFARE block) to the
 * page or block number {@code unit}.
 */
public record UnitWrite(int unit, byte[] data) {

    public UnitWrite {
        if (unit < 0) {
            throw new IllegalArgumentException("unit number must not be negative, got " + unit);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitWrite other && unit == other.unit && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * unit + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "UnitWrite[" + unit + ": " + HexFormat.of().formatHex(data) + "]";
    }
}
