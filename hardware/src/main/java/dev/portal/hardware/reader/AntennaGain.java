package dev.portal.hardware.reader;

/**
 * Receiver gain in dB. The MFRC522 offers 18, 23, 33, 38, 43 and 48 dB; a chip without a matching setting
 * uses the nearest it has and reports that.
 */
public record AntennaGain(int decibels) {
    public static final int MIN_DB = 18;
    public static final int MAX_DB = 48;

    public AntennaGain {
        if (decibels < MIN_DB || decibels > MAX_DB) {
            throw new IllegalArgumentException("antenna gain must be 18..48 dB, not " + decibels);
        }
    }
}
