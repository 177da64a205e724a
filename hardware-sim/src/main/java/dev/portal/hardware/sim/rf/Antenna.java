package dev.portal.hardware.sim.rf;

import java.util.Locale;

/**
 * A pad's antenna quality as a gain in dB against a well-tuned antenna (0): a detuned or undersized antenna, a
 * long cable, metal under the pad lose field strength and signal both ways.
 */
public record Antenna(double qualityDb) {
    public static final Antenna GOOD = new Antenna(0);
    /** A pad that reads a standing toy at the default gain but a toy on its rim only now and then. */
    public static final Antenna WEAK = new Antenna(-6.5);

    public Antenna {
        if (!(qualityDb >= -30 && qualityDb <= 0)) {
            throw new IllegalArgumentException("an antenna quality is -30..0 dB, not " + qualityDb);
        }
    }

    /** {@code good}, {@code weak} or a figure in dB such as {@code -4}. */
    public static Antenna parse(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "good" -> GOOD;
            case "weak" -> WEAK;
            default -> {
                try {
                    yield new Antenna(Double.parseDouble(word));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("an antenna is good, weak or a quality in dB (-30..0), not '"
                            + word + "'");
                }
            }
        };
    }
}
