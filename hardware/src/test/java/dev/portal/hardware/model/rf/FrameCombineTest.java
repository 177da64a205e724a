package dev.portal.hardware.model.rf;

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
        Frame first = Frame.of(a);
        int bit = flip % first.bitCount();
        Frame second = first.withBitFlipped(bit);
        Reception r = RfField.combine(List.of(first, second));
        assertEquals(bit, r.collisionBit());
        for (int i = 0; i < bit; i++) {
            assertEquals(first.bit(i), r.frame().bit(i), "bits before the collision are the common ones");
        }
    }

    @Property
    void identicalAnswersDoNotCollide(@ForAll @Size(min = 1, max = 8) byte[] a) {
        Reception r = RfField.combine(List.of(Frame.of(a), Frame.of(a), Frame.of(a)));
        assertEquals(-1, r.collisionBit());
        assertEquals(Frame.of(a), r.frame());
    }

    @Property
    void tailFromKeepsTheBitsInOrder(@ForAll @Size(min = 1, max = 8) byte[] a, @ForAll @IntRange(max = 63) int from) {
        Frame f = Frame.of(a);
        int start = from % f.bitCount();
        Frame tail = f.tailFrom(start);
        assertEquals(f.bitCount() - start, tail.bitCount());
        for (int i = 0; i < tail.bitCount(); i++) {
            assertEquals(f.bit(start + i), tail.bit(i));
        }
    }
}
