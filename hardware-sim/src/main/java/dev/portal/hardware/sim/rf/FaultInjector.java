package dev.portal.hardware.sim.rf;

import java.util.Random;

/**
 * Faults a test or benchmark switches on while a driver runs: noise on the air and a dead bus. Every random
 * choice comes from one seeded {@link Random}, so a failing run repeats exactly. Thread-safe; settings may be
 * changed at any time and apply from the next frame.
 *
 * <ul>
 *   <li>bit errors: each received bit is inverted with the given probability; a byte with an odd number of
 *       inverted bits shows as a parity error, an even number passes parity and only a CRC catches it;</li>
 *   <li>missed answers: a whole answer is lost with the given probability (the reader sees a timeout);</li>
 *   <li>collisions: with the given probability a random bit of an answer shows as a collision (noise that looks
 *       like a second tag);</li>
 *   <li>stalls: with the given probability an answer starts {@code stallMicros} late;</li>
 *   <li>dead bus: the chip behind the bus stops answering (read by chip bus models, not by the RF field).</li>
 * </ul>
 */
public final class FaultInjector {
    private final Random random;
    private double bitErrorProbability;
    private double missedAnswerProbability;
    private double collisionProbability;
    private double stallProbability;
    private long stallMicros;
    private volatile boolean busDead;
    private long injected;

    public FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    /** No faults at all (seed 0; nothing random is drawn until a probability is set). */
    public static FaultInjector none() {
        return new FaultInjector(0);
    }

    public synchronized FaultInjector bitErrors(double probabilityPerBit) {
        this.bitErrorProbability = probability(probabilityPerBit);
        return this;
    }

    public synchronized FaultInjector missedAnswers(double probabilityPerAnswer) {
        this.missedAnswerProbability = probability(probabilityPerAnswer);
        return this;
    }

    public synchronized FaultInjector collisions(double probabilityPerAnswer) {
        this.collisionProbability = probability(probabilityPerAnswer);
        return this;
    }

    public synchronized FaultInjector stalls(double probabilityPerAnswer, long delayMicros) {
        this.stallProbability = probability(probabilityPerAnswer);
        this.stallMicros = Math.max(0, delayMicros);
        return this;
    }

    public FaultInjector busDead(boolean dead) {
        this.busDead = dead;
        return this;
    }

    /** Clears every fault. */
    public synchronized FaultInjector clear() {
        bitErrorProbability = missedAnswerProbability = collisionProbability = stallProbability = 0;
        busDead = false;
        return this;
    }

    public boolean isBusDead() {
        return busDead;
    }

    /** How many faults were injected so far. */
    public synchronized long injectedCount() {
        return injected;
    }

    /** Applies the air faults to one reception (silence stays silence). */
    public synchronized Reception apply(Reception in) {
        if (in.isSilent()) {
            return in;
        }
        if (missedAnswerProbability > 0 && random.nextDouble() < missedAnswerProbability) {
            injected++;
            return Reception.silence();
        }
        RfFrame frame = in.frame();
        boolean parity = in.parityError();
        if (bitErrorProbability > 0) {
            int[] flipsPerByte = new int[frame.byteLength()];
            for (int i = 0; i < frame.bitCount(); i++) {
                if (random.nextDouble() < bitErrorProbability) {
                    frame = frame.withBitFlipped(i);
                    flipsPerByte[i >> 3]++;
                    injected++;
                }
            }
            for (int i = 0; i < flipsPerByte.length; i++) {
                boolean wholeByte = (i + 1) * 8 <= frame.bitCount();
                parity |= wholeByte && flipsPerByte[i] % 2 == 1;
            }
        }
        int collision = in.collisionBit();
        if (collisionProbability > 0 && random.nextDouble() < collisionProbability) {
            int bit = random.nextInt(frame.bitCount());
            collision = collision < 0 ? bit : Math.min(collision, bit);
            injected++;
        }
        long delay = in.delayMicros();
        if (stallProbability > 0 && random.nextDouble() < stallProbability) {
            delay += stallMicros;
            injected++;
        }
        return new Reception(frame, collision, parity, delay);
    }

    private static double probability(double p) {
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            throw new IllegalArgumentException("a probability is 0..1, not " + p);
        }
        return p;
    }
}
