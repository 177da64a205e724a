package dev.portal.hardware.sim.rf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FrameCombineTest {

    @Property
    void theReportedCollisionIsTheFirstBitWhereAnswersDiffer(@ForAll @Size(min = 1, max = 8) byte[] a,
                                                            @ForAll @IntRange(min = 0, max = 63) int flip) {
        RfFrame first = RfFrame.of(a);
        int bit = flip % first.bitCount();
        RfFrame second = first.withBitFlipped(bit);
        Reception r = RfField.combine(List.of(first, second));
        assertEquals(bit, r.collisionBit());
        for (int i = 0; i < bit; i++) {
            assertEquals(first.bit(i), r.frame().bit(i), "bits before the collision are the common ones");
        }
    }

    @Property
    void identicalAnswersDoNotCollide(@ForAll @Size(min = 1, max = 8) byte[] a) {
        Reception r = RfField.combine(List.of(RfFrame.of(a), RfFrame.of(a), RfFrame.of(a)));
        assertEquals(-1, r.collisionBit());
        assertEquals(RfFrame.of(a), r.frame());
    }

    @Property
    void tailFromKeepsTheBitsInOrder(@ForAll @Size(min = 1, max = 8) byte[] a, @ForAll @IntRange(max = 63) int from) {
        RfFrame f = RfFrame.of(a);
        int start = from % f.bitCount();
        RfFrame tail = f.tailFrom(start);
        assertEquals(f.bitCount() - start, tail.bitCount());
        for (int i = 0; i < tail.bitCount(); i++) {
            assertEquals(f.bit(start + i), tail.bit(i));
        }
    }
}
