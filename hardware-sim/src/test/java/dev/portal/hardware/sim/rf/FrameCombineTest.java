package dev.portal.hardware.sim.rf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portal.testsupport.property.Gen;
import dev.portal.testsupport.property.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCombineTest {
    /** The number of cases these properties have always run with. */
    private static final int CASES = 1000;
    private static final Gen<byte[]> ANSWERS = Gen.bytes(1, 8);
    private static final Gen<Integer> BITS = Gen.ints(0, 63);

    private record Answer(byte[] a, int bit) {
    }

    private static Gen<Answer> answers() {
        return r -> new Answer(ANSWERS.next(r), BITS.next(r));
    }

    @Test
    void theReportedCollisionIsTheFirstBitWhereAnswersDiffer() {
        Property.forAll(CASES, answers(), c -> theReportedCollisionIsTheFirstBitWhereAnswersDiffer(c.a(), c.bit()));
    }

    @Test
    void identicalAnswersDoNotCollide() {
        Property.forAll(CASES, ANSWERS, this::identicalAnswersDoNotCollide);
    }

    @Test
    void tailFromKeepsTheBitsInOrder() {
        Property.forAll(CASES, answers(), c -> tailFromKeepsTheBitsInOrder(c.a(), c.bit()));
    }

    private void theReportedCollisionIsTheFirstBitWhereAnswersDiffer(byte[] a, int flip) {
        RfFrame first = RfFrame.of(a);
        int bit = flip % first.bitCount();
        RfFrame second = first.withBitFlipped(bit);
        Reception r = RfField.combine(List.of(first, second));
        assertEquals(bit, r.collisionBit());
        for (int i = 0; i < bit; i++) {
            assertEquals(first.bit(i), r.frame().bit(i), "bits before the collision are the common ones");
        }
    }

    private void identicalAnswersDoNotCollide(byte[] a) {
        Reception r = RfField.combine(List.of(RfFrame.of(a), RfFrame.of(a), RfFrame.of(a)));
        assertEquals(-1, r.collisionBit());
        assertEquals(RfFrame.of(a), r.frame());
    }

    private void tailFromKeepsTheBitsInOrder(byte[] a, int from) {
        RfFrame f = RfFrame.of(a);
        int start = from % f.bitCount();
        RfFrame tail = f.tailFrom(start);
        assertEquals(f.bitCount() - start, tail.bitCount());
        for (int i = 0; i < tail.bitCount(); i++) {
            assertEquals(f.bit(start + i), tail.bit(i));
        }
    }
}
