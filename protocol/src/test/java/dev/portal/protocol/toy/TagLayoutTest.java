package dev.portal.protocol.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TagLayoutTest {

    @ParameterizedTest
    @EnumSource(TagLayout.class)
    void areasAreDisjointUserMemoryAndHoldTheLargestImage(TagLayout layout) {
        Set<Integer> seen = new HashSet<>();
        for (Area area : Area.values()) {
            List<Integer> units = layout.units(area);
            assertEquals(layout.areaBytes(), units.size() * layout.unitSize());
            for (int unit : units) {
                assertTrue(layout.userUnits().contains(unit), layout + " unit " + unit + " is not user memory");
                assertTrue(seen.add(unit), layout + " unit " + unit + " is in both areas");
            }
        }
        assertTrue(layout.areaBytes() >= ToyImage.MAX_BYTES);
        assertEquals(layout.userBytes() - 2 * layout.areaBytes(), layout.freeBytes());
    }

    @Test
    void classicLayoutNeverTouchesBlockZeroOrATrailer() {
        TagLayout c = TagLayout.CLASSIC_1K;
        for (int unit : c.userUnits()) {
            assertTrue(unit != 0 && unit % 4 != 3 && unit < 64, "block " + unit);
        }
        assertEquals(752, c.userBytes(), "1 KiB less block 0 and 16 trailers");
        for (Area area : Area.values()) {
            for (int unit : c.units(area)) {
                assertFalse(c.isTrailer(unit));
                assertTrue(c.sectorOf(unit) >= 1, "sector 0 is left for a MIFARE application directory");
            }
        }
        assertEquals(List.of(4, 5, 6, 8), c.units(Area.A));
        assertEquals(List.of(12, 13, 14, 16), c.units(Area.B));
        assertEquals(624, c.freeBytes());
        assertTrue(c.isTrailer(7) && c.isTrailer(63));
    }

    @Test
    void ntagLayoutsUseUserPagesOnly() {
        assertEquals(IntStream.rangeClosed(4, 39).boxed().toList(), TagLayout.NTAG213.userUnits());
        assertEquals(144, TagLayout.NTAG213.userBytes());
        assertEquals(504, TagLayout.NTAG215.userBytes());
        assertEquals(IntStream.rangeClosed(4, 19).boxed().toList(), TagLayout.NTAG213.units(Area.A));
        assertEquals(IntStream.rangeClosed(20, 35).boxed().toList(), TagLayout.NTAG213.units(Area.B));
        assertEquals(16, TagLayout.NTAG213.freeBytes());
        assertEquals(376, TagLayout.NTAG215.freeBytes());
        assertFalse(TagLayout.NTAG215.isTrailer(7));
    }

    @ParameterizedTest
    @EnumSource(TagLayout.class)
    void splitAndAssembleAreInverse(TagLayout layout) {
        byte[] image = new byte[ToyImage.MAX_BYTES];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i + 1);
        }
        List<UnitWrite> writes = layout.split(Area.B, image);
        assertEquals(layout.units(Area.B).get(0), writes.get(writes.size() - 1).unit());
        List<byte[]> reads = new ArrayList<>();
        for (int unit : layout.units(Area.B)) {
            reads.add(writes.stream().filter(w -> w.unit() == unit).findFirst().map(UnitWrite::data)
                    .orElse(new byte[layout.unitSize()]));
        }
        byte[] area = layout.assemble(Area.B, reads);
        assertArrayEquals(image, java.util.Arrays.copyOf(area, image.length));
        assertEquals(layout.areaBytes(), area.length);
    }

    @Test
    void badSplitsAndReadsAreRejected() {
        TagLayout n = TagLayout.NTAG213;
        assertThrows(IllegalArgumentException.class, () -> n.split(Area.A, new byte[65]));
        assertThrows(IllegalArgumentException.class, () -> n.split(Area.A, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> n.assemble(Area.A, List.of(new byte[4])));
        List<byte[]> oneShort = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            oneShort.add(new byte[i == 5 ? 16 : 4]);
        }
        assertThrows(IllegalArgumentException.class, () -> n.assemble(Area.A, oneShort));
    }
}
