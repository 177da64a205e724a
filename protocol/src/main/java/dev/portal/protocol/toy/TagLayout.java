package dev.portal.protocol.toy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the two save areas live on each supported tag type, in the reader's units: 4-byte pages on NTAG21x,
 * 16-byte blocks on MIFARE Classic. Normative in SPEC.md section 11 (Toy record), "Layouts". On MIFARE Classic the layout never
 * names block 0 (manufacturer data) or a sector trailer (keys and access bits: a bad write there can lock a
 * sector for ever), and leaves sector 0 alone for a MIFARE application directory.
 */
public enum TagLayout {

    /** 144 bytes of user memory, pages 4..39. */
    NTAG213(4, range(4, 39), range(4, 19), range(20, 35)),
    /** 504 bytes of user memory, pages 4..129; the areas sit where they do on an NTAG213. */
    NTAG215(4, range(4, 129), range(4, 19), range(20, 35)),
    /** 1 KiB in 16 sectors of 4 blocks; area A in sectors 1-2, area B in sectors 3-4. */
    CLASSIC_1K(16, classicDataBlocks(), new int[] {4, 5, 6, 8}, new int[] {12, 13, 14, 16});

    private final int unitSize;
    private final int[] userUnits;
    private final int[] areaA;
    private final int[] areaB;

    TagLayout(int unitSize, int[] userUnits, int[] areaA, int[] areaB) {
        this.unitSize = unitSize;
        this.userUnits = userUnits;
        this.areaA = areaA;
        this.areaB = areaB;
    }

    /** Bytes per page (NTAG) or block (MIFARE Classic). */
    public int unitSize() {
        return unitSize;
    }

    /** The page or block numbers of {@code area}, in the order their bytes make up the area. */
    public List<Integer> units(Area area) {
        return Arrays.stream(area == Area.A ? areaA : areaB).boxed().toList();
    }

    /** Every unit an application may use on this tag type (user memory; MIFARE: no block 0, no trailers). */
    public List<Integer> userUnits() {
        return Arrays.stream(userUnits).boxed().toList();
    }

    /** Size of each save area in bytes. */
    public int areaBytes() {
        return areaA.length * unitSize;
    }

    /** User memory in bytes. */
    public int userBytes() {
        return userUnits.length * unitSize;
    }

    /** User memory neither save area uses, in bytes (free for other uses). */
    public int freeBytes() {
        return userBytes() - 2 * areaBytes();
    }

    /** Whether {@code unit} is a MIFARE Classic sector trailer (always false for NTAG pages). */
    public boolean isTrailer(int unit) {
        return this == CLASSIC_1K && unit % 4 == 3;
    }

    /** The MIFARE Classic sector holding {@code block} (for authentication); for NTAG pages, 0. */
    public int sectorOf(int unit) {
        return this == CLASSIC_1K ? unit / 4 : 0;
    }

    /**
     * The writes that put {@code image} into {@code area}: the image is padded with zeros to whole units and only
     * the units it covers are written. The area's first unit comes LAST, so an interrupted first write on a
     * fresh tag leaves the area's start erased (blank), and an interrupted overwrite leaves an area that fails
     * its authenticity check; either way the other area's record stands.
     */
    public List<UnitWrite> split(Area area, byte[] image) {
        int[] units = area == Area.A ? areaA : areaB;
        if (image.length == 0 || image.length > units.length * unitSize) {
            throw new IllegalArgumentException("image of " + image.length + " bytes does not fit area " + area
                    + " of " + this + " (" + units.length * unitSize + " bytes)");
        }
        int used = (image.length + unitSize - 1) / unitSize;
        byte[] padded = Arrays.copyOf(image, used * unitSize);
        List<UnitWrite> writes = new ArrayList<>(used);
        for (int i = 1; i < used; i++) {
            writes.add(new UnitWrite(units[i], Arrays.copyOfRange(padded, i * unitSize, (i + 1) * unitSize)));
        }
        writes.add(new UnitWrite(units[0], Arrays.copyOf(padded, unitSize)));
        return List.copyOf(writes);
    }

    /**
     * A write of zeros to the area's first unit. Made before a first write into a blank area: the NTAG factory
     * content {@code 01 03 A0 0C 34 03 00 FE} spans two pages, so writing the second page first would leave a
     * start that is neither blank nor ours (UNKNOWN) if the toy were lifted; with the first unit zeroed, every
     * interruption leaves the area blank.
     */
    public UnitWrite clearFirstUnit(Area area) {
        int[] units = area == Area.A ? areaA : areaB;
        return new UnitWrite(units[0], new byte[unitSize]);
    }

    /**
     * The area's bytes from the data read from its units, given in the order of {@link #units(Area)}; each must
     * be one unit long.
     */
    public byte[] assemble(Area area, List<byte[]> unitData) {
        int count = (area == Area.A ? areaA : areaB).length;
        if (unitData.size() != count) {
            throw new IllegalArgumentException("area " + area + " of " + this + " has " + count + " units, got "
                    + unitData.size() + " reads");
        }
        byte[] out = new byte[count * unitSize];
        for (int i = 0; i < count; i++) {
            byte[] data = unitData.get(i);
            if (data == null || data.length != unitSize) {
                throw new IllegalArgumentException("read " + i + " of area " + area + " must be " + unitSize
                        + " bytes, got " + (data == null ? "none" : data.length));
            }
            System.arraycopy(data, 0, out, i * unitSize, unitSize);
        }
        return out;
    }

    private static int[] range(int first, int last) {
        return IntStream.rangeClosed(first, last).toArray();
    }

    private static int[] classicDataBlocks() {
        return IntStream.range(1, 64).filter(b -> b % 4 != 3).toArray();
    }
}
