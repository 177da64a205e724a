package dev.portal.protocol.frame;

/**
 * Set a pad's calibration; the device applies it, persists it and answers with the values it could apply
 * in the result detail (a chip may round the gain to the nearest step it has).
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
