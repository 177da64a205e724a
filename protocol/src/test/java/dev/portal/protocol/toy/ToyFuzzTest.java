package dev.portal.protocol.toy;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated bytes to the decoders. The body decoder may only answer with a record or a
 * {@link ToyFormatException}; the tag reader may only answer with a result. Seeds are fixed so a failure
 * reproduces; the failing input is printed in hex.
 */
class ToyFuzzTest {

    private static final int BODY_INPUTS = 150_000;
    private static final int AREA_INPUTS = 100_000;

    @Test
    void bodyDecoderIsTotal() {
        SplittableRandom random = new SplittableRandom(0x7041_4C01L);
        byte[][] seeds = validBodies(random);
        Map<ToyFormatException.Reason, Integer> reasons = new EnumMap<>(ToyFormatException.Reason.class);
        int decoded = 0;
        for (int i = 0; i < BODY_INPUTS; i++) {
            byte[] input = i % 4 == 0 ? randomBytes(random, 60) : mutate(random, seeds[random.nextInt(seeds.length)]);
            try {
                ToyRecord record = ToyRecordCodec.decode(input);
                assertNotNull(record);
                if (!Arrays.equals(input, ToyRecordCodec.encode(record))) {
                    fail("decoded record does not re-encode to its input " + java.util.HexFormat.of().formatHex(input));
                }
                decoded++;
            } catch (ToyFormatException e) {
                reasons.merge(e.reason(), 1, Integer::sum);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("decode threw " + e + " for " + java.util.HexFormat.of().formatHex(input), e);
            }
        }
        assertTrue(decoded > 1000, "the mutations should leave many bodies valid, got " + decoded);
        assertTrue(reasons.size() == ToyFormatException.Reason.values().length, "every reason reached: " + reasons);
    }

    @Test
    void tagReaderIsTotal() {
        SplittableRandom random = new SplittableRandom(0x7041_4C02L);
        Map<ToyVerdict, Integer> verdicts = new EnumMap<>(ToyVerdict.class);
        TagLayout[] layouts = TagLayout.values();
        byte[][] seeds = new byte[3][];
        byte[][] bodies = validBodies(random);
        for (int s = 0; s < seeds.length; s++) {
            ToyRecord record = decodeOrFail(bodies[s]);
            seeds[s] = Arrays.copyOf(ToyImage.encode(record, TestKeys.UID7, TestKeys.FLEET, random.nextLong(1L << 32)), 64);
        }
        for (int i = 0; i < AREA_INPUTS; i++) {
            TagLayout layout = layouts[i % layouts.length];
            byte[] a = areaInput(random, seeds, layout);
            byte[] b = areaInput(random, seeds, layout);
            try {
                ToyReadResult result = SaveAreas.read(layout, a, b, TestKeys.UID7, TestKeys.FLEET);
                verdicts.merge(result.verdict(), 1, Integer::sum);
                assertNotNull(ToyImage.inspect(a, TestKeys.UID7, TestKeys.FLEET)); // any length, not just the area's
            } catch (RuntimeException | Error e) {
                throw new AssertionError("read threw " + e + " for A=" + hex(a) + " B=" + hex(b), e);
            }
        }
        // FOREIGN comes from a foreign line's identification, never from judging save areas
        assertTrue(verdicts.size() == ToyVerdict.values().length - 1 && !verdicts.containsKey(ToyVerdict.FOREIGN),
                "every save-area verdict reached: " + verdicts);
    }

    private static byte[] areaInput(SplittableRandom random, byte[][] seeds, TagLayout layout) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> randomBytes(random, 80);
            case 2 -> {
                byte[] a = randomBytes(random, layout.areaBytes());
                yield a.length == layout.areaBytes() ? a : Arrays.copyOf(a, layout.areaBytes());
            }
            case 3 -> Arrays.copyOf(seeds[random.nextInt(seeds.length)], layout.areaBytes());
            default -> {
                byte[] m = mutate(random, seeds[random.nextInt(seeds.length)]);
                yield random.nextInt(8) == 0 ? m : Arrays.copyOf(m, layout.areaBytes());
            }
        };
    }

    private static byte[][] validBodies(SplittableRandom random) {
        byte[][] bodies = new byte[32][];
        for (int i = 0; i < bodies.length; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(8);
            for (int c = 0; c < length; c++) {
                name.append(random.nextBoolean() ? (char) ('a' + random.nextInt(26)) : 'é');
            }
            bodies[i] = ToyRecordCodec.encode(new ToyRecord(random.nextInt(0x10000), random.nextInt(256),
                    new CoCreation(name.toString(), new Colours(random.nextInt(0x1000000), 0, 0xFFFFFF),
                            new Upgrades(random.nextLong()), random.nextLong(1L << 32), random.nextInt(256))));
        }
        return bodies;
    }

    /** One to four of: flip a bit, set a byte to an edge value, truncate, extend, change the length byte. */
    private static byte[] mutate(SplittableRandom random, byte[] seed) {
        byte[] b = seed.clone();
        int steps = 1 + random.nextInt(4);
        for (int s = 0; s < steps && b.length > 0; s++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) new int[] {0, 1, 2, 0x7F, 0x80, 0xFF, 20, 21}[random.nextInt(8)];
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> b = Arrays.copyOf(b, b.length + 1 + random.nextInt(8));
                case 4 -> b[at] = (byte) random.nextInt(256);
                default -> {
                    int lengthAt = b.length > 26 && random.nextBoolean() ? 26 : Math.min(6, b.length - 1);
                    b[lengthAt] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }

    private static byte[] randomBytes(SplittableRandom random, int maxLength) {
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(b);
        return b;
    }

    private static ToyRecord decodeOrFail(byte[] body) {
        try {
            return ToyRecordCodec.decode(body);
        } catch (ToyFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static String hex(byte[] b) {
        return b == null ? "null" : java.util.HexFormat.of().formatHex(b);
    }
}
