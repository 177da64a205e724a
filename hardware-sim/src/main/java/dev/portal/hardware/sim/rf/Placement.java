package dev.portal.hardware.sim.rf;

import java.util.Locale;

/**
 * How far a toy's tag lies from its pad's antenna, in millimetres: a toy standing on the pad has its tag in its
 * base, a few millimetres up; one leaning on the rim or held above the pad is further away. The coupling between
 * antenna and tag falls with distance as the field of a loop antenna on its axis does:
 * {@code -30 log10(1 + (d / r)^2)} dB for a loop of radius {@value #ANTENNA_RADIUS_MM} mm.
 *
 * @param distanceMm 0 (tag flat on the antenna) up to {@value #MAX_MM}
 */
public record Placement(double distanceMm) {
    public static final double ANTENNA_RADIUS_MM = 20;
    public static final double MAX_MM = 100;
    /** A tag flat on the antenna's centre (a thin card, a figure with its tag at the very bottom). */
    public static final Placement NEAR = new Placement(0);
    /** A figure standing on the pad with its tag in the base: where every toy lies unless told otherwise. */
    public static final Placement NORMAL = new Placement(15);
    /** A figure on the rim of the pad, leaning, or with its tag high in the body. */
    public static final Placement FAR = new Placement(30);

    public Placement {
        if (!(distanceMm >= 0 && distanceMm <= MAX_MM)) {
            throw new IllegalArgumentException("a distance is 0.." + (int) MAX_MM + " mm, not " + distanceMm);
        }
    }

    /** Coupling between antenna and tag in dB: 0 on the antenna, negative further away. */
    public double couplingDb() {
        double ratio = distanceMm / ANTENNA_RADIUS_MM;
        return -30 * Math.log10(1 + ratio * ratio);
    }

    /** {@code near}, {@code normal}, {@code far} or a distance such as {@code 25mm}. */
    public static Placement parse(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "near" -> NEAR;
            case "normal" -> NORMAL;
            case "far" -> FAR;
            default -> {
                if (!w.matches("\\d{1,3}(\\.\\d+)?mm")) {
                    throw new IllegalArgumentException("a placement is near, normal, far or a distance like 25mm, not '"
                            + word + "'");
                }
                yield new Placement(Double.parseDouble(w.substring(0, w.length() - 2)));
            }
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f mm", distanceMm);
    }
}
