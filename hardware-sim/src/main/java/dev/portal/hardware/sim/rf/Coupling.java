package dev.portal.hardware.sim.rf;

import java.util.Random;

/**
 * Whether a tag's answer reaches the reader, from how it is coupled to the antenna. The field at the tag is the
 * antenna's quality plus the placement's coupling; below the tag's minimum field the tag has no power and hears
 * nothing. Its answer (load modulation) comes back through the same coupling and is amplified by the receiver
 * gain: the signal level at the receiver is {@code quality + coupling + gain}, plus seeded noise of up to
 * {@value #NOISE_DB} dB either way (triangular, so small deviations are common and large ones rare). Below
 * {@value #SENSITIVITY_DB} dB the receiver misses the answer; above {@value #SATURATION_DB} dB a close tag's strong
 * modulation overdrives it and detunes the pair, so the bits come out garbled. Between the two the answer is
 * heard. So a far tag needs gain, a near tag is spoiled by too much of it, and a standing toy on a good antenna
 * (the default placement) reads at every gain: {@code portalctl calibrate} finds the window between.
 */
public final class Coupling {
    public static final double SENSITIVITY_DB = 10;
    public static final double SATURATION_DB = 45;
    public static final double NOISE_DB = 2;

    /** What the receiver made of one tag's answer. */
    public enum Heard {
        HEARD, LOST, GARBLED
    }

    private final Random noise;

    public Coupling(long seed) {
        this.noise = new Random(seed);
    }

    /** Whether a tag at {@code placement} gets enough field from {@code antenna} to power up. */
    public static boolean powers(Antenna antenna, Placement placement, Transponder tag) {
        return antenna.qualityDb() + placement.couplingDb() >= tag.minimumFieldDb();
    }

    /** The signal level of an answer at the receiver, in dB, before noise. */
    public static double levelDb(Antenna antenna, Placement placement, int receiverGainDb) {
        return antenna.qualityDb() + placement.couplingDb() + receiverGainDb;
    }

    /** One answer at {@code levelDb}, with this frame's noise. */
    public Heard hear(double levelDb) {
        double level = levelDb + NOISE_DB * (noise.nextDouble() + noise.nextDouble() - 1);
        if (level < SENSITIVITY_DB) {
            return Heard.LOST;
        }
        return level > SATURATION_DB ? Heard.GARBLED : Heard.HEARD;
    }
}
