package dev.portal.hardware.reader;

import dev.portal.protocol.frame.AntennaGain;

/**
 * The receiver gain field RxGain of RFCfgReg (bits 6..4), laid out alike on the MFRC522 and in the PN532's
 * contactless unit (NXP built both on the same core): 000/010 = 18 dB, 001/011 = 23 dB, 100 = 33 dB,
 * 101 = 38 dB, 110 = 43 dB, 111 = 48 dB. A gain between settings goes to the nearest one.
 */
public final class RxGain {
    private static final int MASK = 0x70;
    /** Index into {@link AntennaGain#STEPS} by code; codes 010 and 011 repeat 18 and 23 dB. */
    private static final int[] STEP_BY_CODE = {0, 1, 0, 1, 2, 3, 4, 5};

    private RxGain() {
    }

    public static AntennaGain fromRegister(int rfCfg) {
        return AntennaGain.STEPS.get(STEP_BY_CODE[(rfCfg & MASK) >> 4]);
    }

    /** The register value with the gain bits for {@code gain} (nearest setting, first of duplicate codes), other bits kept. */
    public static int toRegister(int rfCfg, AntennaGain gain) {
        int step = AntennaGain.STEPS.indexOf(gain.nearestStep());
        int code = 0;
        while (STEP_BY_CODE[code] != step) {
            code++;
        }
        return (rfCfg & ~MASK & 0xFF) | code << 4;
    }
}
