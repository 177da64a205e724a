package dev.portal.hardware.sim.mfrc522;

import static dev.portal.hardware.mfrc522.Mfrc522Registers.*;

/** Register file, FIFO and internal buffer of one modelled MFRC522, with the reset values of the datasheet. */
final class Mfrc522RegisterFile {
    final byte[] regs = new byte[64];
    final Fifo fifo = new Fifo();
    final byte[] internalBuffer = new byte[25];

    Mfrc522RegisterFile() {
        resetRegisters();
    }

    void resetRegisters() {
        java.util.Arrays.fill(regs, (byte) 0);
        set(COMMAND, COMMAND_RCV_OFF);
        set(COM_IEN, 0x80);
        set(COM_IRQ, 0x14);
        set(STATUS1, 0x21);
        set(WATER_LEVEL, 0x08);
        set(CONTROL, 0x10);
        set(COLL, 0x80);
        set(MODE, 0x3F);
        set(TX_CONTROL, 0x80);
        set(0x16, 0x10); // TxSelReg
        set(0x17, 0x84); // RxSelReg
        set(0x18, 0x84); // RxThresholdReg
        set(0x19, 0x4D); // DemodReg
        set(0x1C, 0x62); // MfTxReg
        set(0x1F, 0xEB); // SerialSpeedReg
        set(CRC_RESULT_MSB, 0xFF);
        set(CRC_RESULT_LSB, 0xFF);
        set(MOD_WIDTH, 0x26);
        set(RF_CFG, 0x48);
        set(0x27, 0x88); // GsNReg
        set(0x28, 0x20); // CWGsPReg
        set(0x29, 0x20); // ModGsPReg
        set(AUTO_TEST, 0x40);
        fifo.flush();
    }

    int get(int reg) {
        return regs[reg] & 0xFF;
    }

    void set(int reg, int value) {
        regs[reg] = (byte) value;
    }

    void or(int reg, int bits) {
        regs[reg] |= (byte) bits;
    }

    void clear(int reg, int bits) {
        regs[reg] &= (byte) ~bits;
    }

    int command() {
        return get(COMMAND) & 0x0F;
    }

    void setCommand(int command) {
        set(COMMAND, get(COMMAND) & 0xF0 | command);
    }

    /** Sets error bits and the ErrIRq that goes with them. */
    void error(int bits) {
        or(ERROR, bits);
        or(COM_IRQ, IRQ_ERR);
    }

    boolean antennaOn() {
        return (get(TX_CONTROL) & TX_CONTROL_ANTENNA) != 0;
    }
}
