package dev.portal.testsupport.property;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks a property over generated cases, as a plain JUnit test:
 * <pre>{@code
 * @Test
 * void decodeOfEncodeIsTheSameFrame() {
 *     Property.forAll(2000, FrameArbitraries.frames(), frame -> assertEquals(frame, decode(encode(frame))));
 * }
 * }</pre>
 * Each run draws a fresh seed, so runs explore different cases. A failure names the seed, the case and the
 * generated value; {@code -Dportal.seed=<seed>} (to Maven or the JVM) makes the same cases again.
 * Several inputs are drawn into a record in the generator, so the report shows each by name.
 */
public final class Property {

    /** The system property that fixes the seed of every property run. */
    public static final String SEED_PROPERTY = "portal.seed";

    private Property() {
    }

    /** What a property says about one case; it fails by throwing, as assertions do. */
    @FunctionalInterface
    public interface Check<T> {
        void accept(T value) throws Exception;
    }

    /** Draws {@code cases} values from {@code gen} and checks each; the first failing case fails the test. */
    public static <T> void forAll(int cases, Gen<T> gen, Check<? super T> check) {
        if (cases < 1) {
            throw new IllegalArgumentException("a property needs at least one case, not " + cases);
        }
        long seed = seed();
        // One split per case: case i's values depend on the seed and i only, not on what earlier cases drew.
        SplittableRandom master = new SplittableRandom(seed);
        for (int i = 0; i < cases; i++) {
            SplittableRandom random = master.split();
            T value = gen.next(random);
            try {
                check.accept(value);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("property failed on case " + (i + 1) + " of " + cases + " (seed " + seed
                        + ", replay with -D" + SEED_PROPERTY + "=" + seed + ")\n  case: " + describe(value)
                        + "\n  " + e, e);
            }
        }
    }

    private static long seed() {
        String fixed = System.getProperty(SEED_PROPERTY);
        if (fixed == null || fixed.isBlank()) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.decode(fixed.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + "=" + fixed + " is not a long", e);
        }
    }

    /** A generated value as a reader of a failure wants it: byte arrays in hex, records by component. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes) + " (" + bytes.length + " bytes)";
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value.getClass().isArray()) {
            StringJoiner out = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(describe(Array.get(value, i)));
            }
            return out.toString();
        }
        if (value instanceof Collection<?> c) {
            StringJoiner out = new StringJoiner(", ", "[", "]");
            c.forEach(e -> out.add(describe(e)));
            return out.toString();
        }
        if (value instanceof Map<?, ?> m) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            m.forEach((k, v) -> out.add(describe(k) + "=" + describe(v)));
            return out.toString();
        }
        if (value instanceof Record) {
            StringJoiner out = new StringJoiner(", ", value.getClass().getSimpleName() + "[", "]");
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                out.add(c.getName() + "=" + describe(component(c, value)));
            }
            return out.toString();
        }
        return value.toString();
    }

    private static Object component(RecordComponent c, Object record) {
        try {
            // Case records are usually private to their test class.
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "<" + e + ">";
        }
    }
}
