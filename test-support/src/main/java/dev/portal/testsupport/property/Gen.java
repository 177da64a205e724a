package dev.portal.testsupport.property;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Makes one value from a random source. A property run ({@link Property#forAll}) hands every case its own
 * seeded source, so the same seed makes the same values.
 *
 * <p>Numbers, sizes and bytes come out at their edges (the bounds, 0, ±1, empty and full-size arrays) about one
 * time in {@value #EDGE_ONE_IN}: uniform draws would almost never hit them, and that is where codecs break.
 */
@FunctionalInterface
public interface Gen<T> {

    /** One value in {@value} is an edge value on purpose. */
    int EDGE_ONE_IN = 8;

    /** A filter that keeps rejecting is a generator that should make valid values in the first place. */
    int FILTER_TRIES = 10_000;

    T next(RandomGenerator random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return random -> f.apply(next(random)).next(random);
    }

    default Gen<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int i = 0; i < FILTER_TRIES; i++) {
                T value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter rejected " + FILTER_TRIES + " values in a row");
        };
    }

    default Gen<List<T>> list(int minSize, int maxSize) {
        return random -> {
            int n = size(random, minSize, maxSize);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(next(random));
            }
            return out;
        };
    }

    /** Distinct values; fails when the generator cannot make {@code minSize} distinct ones. */
    default Gen<Set<T>> set(int minSize, int maxSize) {
        return random -> {
            int n = size(random, minSize, maxSize);
            Set<T> out = new LinkedHashSet<>();
            for (int tries = 0; out.size() < n && tries < FILTER_TRIES; tries++) {
                out.add(next(random));
            }
            if (out.size() < minSize) {
                throw new IllegalStateException("only " + out.size() + " distinct values, " + minSize + " needed");
            }
            return out;
        };
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> choices = List.of(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    static <E extends Enum<E>> Gen<E> of(Class<E> type) {
        return of(type.getEnumConstants());
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> choices = List.of(gens);
        return random -> choices.get(random.nextInt(choices.size())).next(random);
    }

    static Gen<Boolean> booleans() {
        return RandomGenerator::nextBoolean;
    }

    /** From {@code min} to {@code max}, both included. */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** Any long. */
    static Gen<Long> longs() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** From {@code min} to {@code max}, both included. */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        List<Long> edges = new ArrayList<>(List.of(min, max));
        for (long v : new long[] {0, 1, -1}) {
            if (v > min && v < max) {
                edges.add(v);
            }
        }
        return random -> {
            if (random.nextInt(EDGE_ONE_IN) == 0) {
                return edges.get(random.nextInt(edges.size()));
            }
            if (max == Long.MAX_VALUE) {
                // nextLong(origin, bound) excludes the bound, and max + 1 would overflow
                return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
            }
            return random.nextLong(min, max + 1);
        };
    }

    /** Any byte value. */
    static Gen<Byte> bytes() {
        return ints(Byte.MIN_VALUE, Byte.MAX_VALUE).map(Integer::byteValue);
    }

    /** Arrays of any bytes, {@code minSize} to {@code maxSize} long. */
    static Gen<byte[]> bytes(int minSize, int maxSize) {
        return bytes(bytes(), minSize, maxSize);
    }

    static Gen<byte[]> bytes(Gen<Byte> element, int minSize, int maxSize) {
        return random -> {
            byte[] out = new byte[size(random, minSize, maxSize)];
            for (int i = 0; i < out.length; i++) {
                out[i] = element.next(random);
            }
            return out;
        };
    }

    /** From {@code min} to {@code max}, both included. */
    static Gen<Character> chars(char min, char max) {
        return ints(min, max).map(c -> (char) c.intValue());
    }

    /** One of the characters of {@code alphabet}. */
    static Gen<Character> chars(String alphabet) {
        return random -> alphabet.charAt(random.nextInt(alphabet.length()));
    }

    /** Strings of {@code minLength} to {@code maxLength} chars (UTF-16 units). */
    static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        return random -> {
            int n = size(random, minLength, maxLength);
            StringBuilder out = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                out.append(chars.next(random).charValue());
            }
            return out.toString();
        };
    }

    /** Up to {@code maxSize} entries; keys that come out twice make one entry. */
    static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int maxSize) {
        return random -> {
            int n = size(random, 0, maxSize);
            Map<K, V> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                out.put(keys.next(random), values.next(random));
            }
            return out;
        };
    }

    /** Any subset of the constants of {@code type}, the empty and the full set included. */
    static <E extends Enum<E>> Gen<Set<E>> subsetOf(Class<E> type) {
        return random -> {
            EnumSet<E> out = EnumSet.noneOf(type);
            int pick = random.nextInt(EDGE_ONE_IN);
            for (E e : type.getEnumConstants()) {
                if (pick == 1 || (pick != 0 && random.nextBoolean())) {
                    out.add(e);
                }
            }
            return out;
        };
    }

    /** A size in {@code min..max}: the smallest or the largest one time in {@value #EDGE_ONE_IN}. */
    static int size(RandomGenerator random, int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("bad size range " + min + ".." + max);
        }
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            return random.nextBoolean() ? min : max;
        }
        return random.nextInt(min, max + 1);
    }
}
