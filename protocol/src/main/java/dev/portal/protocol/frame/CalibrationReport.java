package dev.portal.protocol.frame;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a Calibrate command did to one pad: the success rate at every gain a sweep tried (none when the gain was
 * given) and the calibration it applied (none when it applied nothing, e.g. no gain read the reference toy).
 *
 * @param pad     pad index, u8
 * @param sweep   the gains tried, in the order tried, at most {@link #MAX_SWEEP} and each gain once
 * @param applied the calibration now in force on the pad, if this command applied one (its gain 1..255)
 */
public record CalibrationReport(int pad, List<GainRate> sweep, Optional<PadCalibration> applied) implements Report {
    public static final int MAX_SWEEP = 16;

    /** How often the reference toy was read at one gain: {@code successPercent} 0..100. */
    public record GainRate(int antennaGainDb, int successPercent) {
        public GainRate {
            Check.range("antennaGainDb", antennaGainDb, 1, 255);
            Check.range("successPercent", successPercent, 0, 100);
        }
    }

    public CalibrationReport {
        Check.u8("pad", pad);
        sweep = List.copyOf(Check.present("sweep", sweep));
        Check.present("applied", applied);
        if (sweep.size() > MAX_SWEEP) {
            throw new IllegalArgumentException("at most " + MAX_SWEEP + " sweep rows, not " + sweep.size());
        }
        Set<Integer> gains = new HashSet<>();
        for (GainRate r : sweep) {
            if (!gains.add(r.antennaGainDb())) {
                throw new IllegalArgumentException("gain " + r.antennaGainDb() + " dB swept twice");
            }
        }
        applied.ifPresent(c -> {
            if (c.pad() != pad) {
                throw new IllegalArgumentException("applied calibration is for pad " + c.pad() + ", report for pad " + pad);
            }
            Check.range("applied antennaGainDb", c.antennaGainDb(), 1, 255);
        });
    }
}
