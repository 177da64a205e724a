package dev.portal.hardware.pn532;

import dev.portal.hardware.reader.AntennaGain;

/**
 * The receiver gain field of the CIU RFCfgReg (0x6316, bits 6..4): 000/010 = 18 dB, 001/011 = 23 dB,
 * 100 = 33 dB, 101 = 38 dB, 110 = 43 dB, 111 = 48 dB. Gains between settings go to the nearest one.
 */
public final class RxGain {
    private static final int[] DB_BY_CODE = {18, 23, 18, 23, 33, 38, 43, 48};
    private static final int[] SETTABLE_CODES = {0b000, 0b001, 0b100, 0b101, 0b110, 0b111};
    private static final int MASK = 0x70;

    private RxGain() {
    }

    public static AntennaGain fromRegister(int rfCfg) {
        return new AntennaGain(DB_BY_CODE[(rfCfg & MASK) >> 4]);
    }

    /** The register value with the gain bits for {@code gain} (nearest setting), other bits kept. */
    public static int toRegister(int rfCfg, AntennaGain gain) {
        int best = SETTABLE_CODES[0];
        for (int code : SETTABLE_CODES) {
            if (Math.abs(DB_BY_CODE[code] - gain.decibels()) < Math.abs(DB_BY_CODE[best] - gain.decibels())) {
                best = code;
            }
        }
        return (rfCfg & ~MASK & 0xFF) | best << 4;
    }
}
