package dev.portal.hardware.sim.mfrc522;

import dev.portal.hardware.mfrc522.Mfrc522Registers;

/** The MFRC522 timer as configured: TPrescaler (12 bits over TModeReg and TPrescalerReg) and TReload. */
record ChipTimer(boolean auto, int prescaler, int reload) {

    static ChipTimer from(byte[] regs) {
        int tMode = regs[Mfrc522Registers.T_MODE] & 0xFF;
        int prescaler = (tMode & 0x0F) << 8 | regs[Mfrc522Registers.T_PRESCALER] & 0xFF;
        int reload = (regs[Mfrc522Registers.T_RELOAD_HI] & 0xFF) << 8 | regs[Mfrc522Registers.T_RELOAD_LO] & 0xFF;
        return new ChipTimer((tMode & Mfrc522Registers.T_MODE_AUTO) != 0, prescaler, reload);
    }

    /** Time from start to TimerIRq: (TReload + 1) ticks of (2 * TPrescaler + 1) / 13.56 MHz. */
    long periodMicros() {
        return Math.round((reload + 1L) * (2L * prescaler + 1) / Mfrc522Registers.TIMER_CLOCK_HZ * 1e6);
    }
}
