package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.pn532.command.CiuRegister;
import java.util.HashMap;
import java.util.Map;

/**
 * The PN532's registers as Read/WriteRegister see them: the CIU block at 0x6301..0x633F (reset values as the
 * data sheet lists them) and any other address (SFRs, XRAM) as plain memory reading 0 until written.
 */
final class CiuRegisterMap {
    private static final Map<Integer, Integer> RESET_VALUES = Map.ofEntries(
            Map.entry(0x6301, 0x3B), // Mode
            Map.entry(CiuRegister.TX_MODE, 0x00),
            Map.entry(CiuRegister.RX_MODE, 0x00),
            Map.entry(CiuRegister.TX_CONTROL, 0x80),
            Map.entry(CiuRegister.TX_AUTO, 0x00),
            Map.entry(CiuRegister.TX_SEL, 0x10),
            Map.entry(CiuRegister.RX_SEL, 0x84),
            Map.entry(CiuRegister.RX_THRESHOLD, 0x84),
            Map.entry(CiuRegister.DEMOD, 0x4D),
            Map.entry(0x630C, 0x62), // MifNFC
            Map.entry(CiuRegister.MANUAL_RCV, 0x00),
            Map.entry(0x6310, 0xEB), // SerialSpeed
            Map.entry(0x6311, 0xFF), // CRCResult MSB
            Map.entry(0x6312, 0xFF), // CRCResult LSB
            Map.entry(0x6313, 0x88), // GsNOff
            Map.entry(0x6314, 0x26), // ModWidth
            Map.entry(0x6315, 0x87), // TxBitPhase
            Map.entry(CiuRegister.RF_CFG, 0x48), // RxGain 100 = 33 dB
            Map.entry(CiuRegister.GS_N_ON, 0x88),
            Map.entry(CiuRegister.CW_GS_P, 0x20),
            Map.entry(CiuRegister.MOD_GS_P, 0x20),
            Map.entry(CiuRegister.COMMAND, 0x20),
            Map.entry(0x6332, 0x80), // CommIEn
            Map.entry(CiuRegister.COM_IRQ, 0x14),
            Map.entry(CiuRegister.ERROR, 0x00),
            Map.entry(0x6337, 0x21), // Status1
            Map.entry(CiuRegister.STATUS2, 0x00),
            Map.entry(0x633A, 0x00), // FIFOLevel
            Map.entry(0x633B, 0x08), // WaterLevel
            Map.entry(CiuRegister.CONTROL, 0x10),
            Map.entry(CiuRegister.BIT_FRAMING, 0x00),
            Map.entry(CiuRegister.COLL, 0xA0));

    private final Map<Integer, Integer> values = new HashMap<>(RESET_VALUES);

    int read(int address) {
        return values.getOrDefault(address & 0xFFFF, 0x00);
    }

    void write(int address, int value) {
        values.put(address & 0xFFFF, value & 0xFF);
    }

    void setBits(int address, int mask) {
        write(address, read(address) | mask);
    }

    void reset() {
        values.clear();
        values.putAll(RESET_VALUES);
    }

    boolean txCrc() {
        return (read(CiuRegister.TX_MODE) & CiuRegister.CRC_ENABLE) != 0;
    }

    boolean rxCrc() {
        return (read(CiuRegister.RX_MODE) & CiuRegister.CRC_ENABLE) != 0;
    }

    /** TxLastBits of BitFramingReg: valid bits of the last byte sent, 0 = 8. */
    int txLastBits() {
        return read(CiuRegister.BIT_FRAMING) & 0x07;
    }

    /** RxAlign of BitFramingReg: bit position of the first received bit. */
    int rxAlign() {
        return (read(CiuRegister.BIT_FRAMING) >> 4) & 0x07;
    }

    /** Crypto1 on (Status2 bit 3), set after a MIFARE authentication. */
    void crypto1(boolean on) {
        int s = read(CiuRegister.STATUS2);
        write(CiuRegister.STATUS2, on ? s | 0x08 : s & ~0x08);
    }
}
