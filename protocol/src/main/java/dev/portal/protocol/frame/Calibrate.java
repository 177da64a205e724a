package dev.portal.protocol.frame;

/**
 * Set a pad's calibration; the device applies it, persists it and reports what it applied (and, for a sweep,
 * the success rate per gain) in a {@link CalibrationReport} before the result.
 */
public record Calibrate(int pad, int antennaGainDb, int removalMissThreshold) implements CommandBody {
    public Calibrate {
        Check.u8("pad", pad);
        Check.u8("antennaGainDb", antennaGainDb);
        Check.range("removalMissThreshold", removalMissThreshold, 1, 255);
    }

    public PadCalibration toPadCalibration() {
        return new PadCalibration(pad, antennaGainDb, removalMissThreshold);
    }
}
