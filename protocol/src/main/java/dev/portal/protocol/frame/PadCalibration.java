package dev.portal.protocol.frame;

/**
 * Calibration of one pad.
 *
 * @param pad                  pad index, u8
 * @param antennaGainDb        receiver gain in dB, u8 (what a device accepts and which steps its readers have: {@link AntennaGain})
 * @param removalMissThreshold consecutive missed polls before a tag counts as removed, 1..255
 */
public record PadCalibration(int pad, int antennaGainDb, int removalMissThreshold) {
    public PadCalibration {
        Check.u8("pad", pad);
        Check.u8("antennaGainDb", antennaGainDb);
        Check.range("removalMissThreshold", removalMissThreshold, 1, 255);
    }
}
