package dev.portal.protocol.foreign;

import dev.portal.protocol.id.Uid;
import dev.portal.testsupport.property.Gen;
import dev.portal.testsupport.property.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identification is total on hostile bytes (any size, any content, any UID: a verdict or a DumpException, never
 * another exception), and what a line's factory writes is identified back, for every id.
 */
class ForeignIdentifyPropertiesTest {
    private static final int[] SIZES = {0, 1, 179, ForeignDumps.NTAG213_BYTES, 181, ForeignDumps.NTAG215_BYTES,
        ForeignDumps.CLASSIC_1K_BYTES, 1025};

    record Dump(byte[] bytes, Uid uid) { }

    @Test
    void anyDumpGetsAVerdictOrAReasonNeverACrash() {
        Gen<Integer> sizes = Gen.ints(0, SIZES.length - 1);
        Gen<Integer> uidLengths = Gen.of(4, 7, 10);
        Property.forAll(2000, r -> {
            int size = SIZES[sizes.next(r)];
            byte[] dump = Gen.bytes(size, size).next(r);
            int length = uidLengths.next(r);
            byte[] uid = Gen.bytes(length, length).next(r);
            if (r.nextInt(3) == 0 && dump.length >= 8 && uid.length == 7) { // often the dump's own UID
                System.arraycopy(dump, 0, uid, 0, 3);
                System.arraycopy(dump, 4, uid, 3, 4);
            }
            return new Dump(dump, Uid.of(uid));
        }, d -> {
            try {
                ForeignDumps.Report report = ForeignDumps.identify(d.bytes(), d.uid());
                assertNotNull(report.identification());
            } catch (DumpException expected) {
                assertTrue(!expected.getMessage().isEmpty());
            }
        });
    }

    @Test
    void anyHeadOrPagesGetAVerdict() {
        Gen<byte[]> head = Gen.bytes(0, 40);
        Gen<byte[]> uid4 = Gen.bytes(4, 4);
        Gen<byte[]> uid7 = Gen.bytes(7, 7);
        Property.forAll(2000, r -> new byte[][] {head.next(r), uid4.next(r), uid7.next(r)}, b -> {
            assertNotNull(Skylanders.identify(b[1], b[0]));
            assertNotNull(LegoDimensions.identify(b[2], b[0]));
            assertNotNull(Amiibo.identify(b[0], b[0]));
        });
    }

    @Test
    void whatEachLineWritesIsIdentifiedBackForEveryId() {
        Gen<Integer> u16 = Gen.ints(0, 0xFFFF);
        Property.forAll(500, r -> new int[] {u16.next(r), u16.next(r), Gen.ints(1, 999).next(r),
            Gen.ints(1000, 0xFFFF).next(r)}, ids -> {
                byte[] uid4 = {1, 2, 3, (byte) ids[0]};
                byte[] uid7 = {4, 5, 6, 7, 8, 9, (byte) ids[1]};
                assertEquals(new ForeignToy(ToyLine.SKYLANDERS, ToyForm.FIGURE, ids[0], ids[1], 0),
                        assertInstanceOf(Identification.Identified.class,
                                Skylanders.identify(uid4, Skylanders.head(uid4, ids[0], ids[1]))).toy());
                assertEquals(ids[2], assertInstanceOf(Identification.Identified.class,
                        LegoDimensions.identify(uid7, LegoDimensions.characterPages(uid7, ids[2]))).toy().characterId());
                assertEquals(ids[3], assertInstanceOf(Identification.Identified.class,
                        LegoDimensions.identify(uid7, LegoDimensions.vehiclePages(ids[3]))).toy().characterId());
            });
    }
}
