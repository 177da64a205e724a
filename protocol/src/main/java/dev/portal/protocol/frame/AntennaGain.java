package dev.portal.protocol.frame;

import java.util.List;

/**
 * A pad reader's receiver gain in dB: what a device's configuration sets, a {@link Calibrate} command asks for
 * and a {@link PadCalibration} reports. Any value in {@link #MIN_DB}..{@link #MAX_DB} is accepted and the reader
 * takes the nearest of its {@link #STEPS}, so a configuration written for one reader still loads on another.
 */
public record AntennaGain(int decibels) {
    /** The settings the supported readers (MFRC522, PN532) offer, in rising order; a calibration sweep tries each. */
    public static final List<AntennaGain> STEPS = List.of(
            new AntennaGain(18), new AntennaGain(23), new AntennaGain(33),
            new AntennaGain(38), new AntennaGain(43), new AntennaGain(48));
    public static final int MIN_DB = 18;
    public static final int MAX_DB = 48;
    /** The range as people read it in messages and help texts. */
    public static final String RANGE = MIN_DB + ".." + MAX_DB + " dB";

    public AntennaGain {
        if (!isValid(decibels)) {
            throw new IllegalArgumentException("antenna gain must be " + RANGE + ", not " + decibels);
        }
    }

    public static boolean isValid(int decibels) {
        return decibels >= MIN_DB && decibels <= MAX_DB;
    }

    /** The step a reader actually uses for this gain: the nearest, the lower one on a tie. */
    public AntennaGain nearestStep() {
        AntennaGain best = STEPS.get(0);
        for (AntennaGain step : STEPS) {
            if (Math.abs(step.decibels - decibels) < Math.abs(best.decibels - decibels)) {
                best = step;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return decibels + " dB";
    }
}
