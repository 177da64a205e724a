package dev.portal.testsupport.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PropertyTest {

    private record Case(byte[] bytes, int n) {
    }

    @Test
    void aFailureNamesTheSeedTheCaseAndTheValueAndTheSeedReplaysIt() {
        Gen<Case> cases = r -> new Case(Gen.bytes(0, 4).next(r), Gen.ints(0, 1000).next(r));
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(1000, cases, c -> assertTrue(c.n() < 900, "n below 900")));
        String report = failure.getMessage();
        assertTrue(report.matches("(?s)property failed on case \\d+ of 1000 \\(seed -?\\d+, replay with -Dportal.seed=-?\\d+\\).*"),
                report);
        assertTrue(report.contains("case: Case[bytes=0x"), report);
        assertTrue(report.contains("n below 900"), "the assertion's own message is kept: " + report);
        assertTrue(failure.getCause() instanceof AssertionError, "the cause keeps the failing line");

        String seed = report.replaceAll("(?s).*-Dportal\\.seed=(-?\\d+)\\).*", "$1");
        String before = System.getProperty(Property.SEED_PROPERTY);
        System.setProperty(Property.SEED_PROPERTY, seed);
        try {
            AssertionError replayed = assertThrows(AssertionError.class,
                    () -> Property.forAll(1000, cases, c -> assertTrue(c.n() < 900, "n below 900")));
            assertEquals(report, replayed.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(Property.SEED_PROPERTY);
            } else {
                System.setProperty(Property.SEED_PROPERTY, before);
            }
        }
    }

    @Test
    void everyCaseRunsWhenThePropertyHolds() {
        List<Integer> seen = new ArrayList<>();
        Property.forAll(250, Gen.ints(-5, 5), seen::add);
        assertEquals(250, seen.size());
        assertTrue(seen.stream().allMatch(n -> n >= -5 && n <= 5), seen.toString());
    }

    @Test
    void edgeValuesComeOutOnPurpose() {
        SplittableRandom random = new SplittableRandom(1);
        Set<Long> longs = new HashSet<>();
        Set<Integer> sizes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            longs.add(Gen.longs().next(random));
            sizes.add(Gen.bytes(3, 300).next(random).length);
        }
        assertTrue(longs.containsAll(Set.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 1L, -1L)), "edges of any long");
        assertTrue(sizes.containsAll(Set.of(3, 300)), "the smallest and the largest array");
        assertTrue(sizes.stream().allMatch(n -> n >= 3 && n <= 300), sizes.toString());
    }

    @Test
    void theSameSeedMakesTheSameValues() {
        Gen<List<byte[]>> gen = Gen.bytes(0, 20).list(0, 5);
        List<byte[]> a = gen.next(new SplittableRandom(42));
        List<byte[]> b = gen.next(new SplittableRandom(42));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
    }

    @Test
    void setsAreDistinctAndAFilterThatRejectsEverythingSaysSo() {
        Set<Integer> set = Gen.ints(0, 3).set(4, 4).next(new SplittableRandom(7));
        assertEquals(Set.of(0, 1, 2, 3), set);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Gen.ints(0, 9).filter(n -> n > 9).next(new SplittableRandom(7)));
        assertTrue(e.getMessage().contains("rejected"), e.getMessage());
    }
}
