package dev.portal.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.frame.FrameException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds over a million random and mutated inputs to the decoder. Mutations are re-signed most of the time so
 * they pass the check and reach the body parsers. Any exception other than FrameException fails the test, and
 * so does a decoded frame that does not re-encode to an equal frame.
 */
class DecoderFuzzTest {
    private static final int INPUTS = 1_200_000;
    private static final long SEED = 0x5EED_F00DL;

    @Test
    void decoderIsTotalOnRandomAndMutatedInput() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<byte[]> seeds = new ArrayList<>();
        for (Frame f : FrameArbitraries.samples()) {
            seeds.add(FrameCodec.encode(f));
        }
        for (int i = 0; i < 300; i++) {
            seeds.add(FrameCodec.encode(FrameArbitraries.frames().next(random)));
        }

        Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
        int decoded = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = i % 10 == 0 ? randomFrame(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                Frame f = FrameCodec.decode(input);
                decoded++;
                byte[] again = FrameCodec.encode(f);
                assertEquals(f, FrameCodec.decode(again), () -> "re-encoding changed " + Hex.format(input));
            } catch (FrameException e) {
                reasons.merge(e.reason(), 1, Integer::sum);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("decoder threw " + e + " on " + Hex.format(input) + " (seed " + SEED + ", input " + i + ")", e);
            }
        }
        assertTrue(decoded > INPUTS / 20, "too few mutants decoded (" + decoded + "): the mutator misses the parsers");
        for (Reason r : List.of(Reason.TOO_SHORT, Reason.BAD_CHECK, Reason.UNSUPPORTED_VERSION, Reason.UNKNOWN_TYPE,
                Reason.UNKNOWN_REQUIRED_FLAG, Reason.TRUNCATED, Reason.BAD_FIELD, Reason.BAD_UTF8, Reason.TOO_LONG)) {
            assertTrue(reasons.getOrDefault(r, 0) > 0, "no input was rejected as " + r + ": " + reasons);
        }
    }

    private static byte[] randomFrame(SplittableRandom random) {
        byte[] b = new byte[random.nextInt(0, 80)];
        random.nextBytes(b);
        if (b.length > 0 && random.nextBoolean()) {
            b[0] = 0x10;
        }
        if (b.length > 1 && random.nextBoolean()) {
            b[1] = (byte) MessageType.values()[random.nextInt(MessageType.values().length)].code();
        }
        if (b.length > 2 && random.nextBoolean()) {
            b[2] &= 0x0F;
        }
        if (random.nextInt(4) != 0) {
            FrameCodec.resign(b);
        }
        return b;
    }

    private static final int[] INTERESTING = {0, 1, 2, 0x7F, 0x80, 0xFE, 0xFF};

    static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int body = Math.max(1, b.length - 4);
            switch (random.nextInt(6)) {
                case 0 -> {
                    int at = random.nextInt(body);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                case 1 -> b[Math.min(body - 1, Limits.HEADER + random.nextInt(Math.max(1, body - Limits.HEADER)))] =
                        (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
                case 3 -> {
                    byte[] longer = Arrays.copyOf(b, b.length + 1 + random.nextInt(8));
                    for (int k = b.length; k < longer.length; k++) {
                        longer[k] = (byte) random.nextInt(256);
                    }
                    b = longer;
                }
                case 4 -> b[Math.min(body - 1, Limits.HEADER + random.nextInt(Math.max(1, body - Limits.HEADER)))] =
                        (byte) random.nextInt(256);
                default -> {
                    if (b.length > 2) {
                        b[random.nextInt(3)] = (byte) random.nextInt(256);
                    }
                }
            }
            if (b.length == 0) {
                break;
            }
        }
        if (random.nextInt(10) != 0) {
            FrameCodec.resign(b);
        }
        return b;
    }

    @Test
    void mutatorKeepsSeedsIntactWhenNotEditing() throws FrameException {
        byte[] wire = FrameCodec.encode(FrameArbitraries.samples().get(0));
        byte[] copy = wire.clone();
        FrameCodec.resign(copy);
        assertArrayEquals(wire, copy);
        assertEquals(FrameArbitraries.samples().get(0), FrameCodec.decode(copy));
    }
}
