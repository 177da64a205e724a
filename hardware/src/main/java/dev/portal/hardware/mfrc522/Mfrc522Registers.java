package dev.portal.hardware.mfrc522;

/**
 * MFRC522 register addresses, commands and bit masks (NXP MFRC522 datasheet, section 9). Shared by the driver
 * and the chip model.
 */
public final class Mfrc522Registers {
    private Mfrc522Registers() {
    }

    // Registers.
    public static final int COMMAND = 0x01;
    public static final int COM_IEN = 0x02;
    public static final int DIV_IEN = 0x03;
    public static final int COM_IRQ = 0x04;
    public static final int DIV_IRQ = 0x05;
    public static final int ERROR = 0x06;
    public static final int STATUS1 = 0x07;
    public static final int STATUS2 = 0x08;
    public static final int FIFO_DATA = 0x09;
    public static final int FIFO_LEVEL = 0x0A;
    public static final int WATER_LEVEL = 0x0B;
    public static final int CONTROL = 0x0C;
    public static final int BIT_FRAMING = 0x0D;
    public static final int COLL = 0x0E;
    public static final int MODE = 0x11;
    public static final int TX_MODE = 0x12;
    public static final int RX_MODE = 0x13;
    public static final int TX_CONTROL = 0x14;
    public static final int TX_ASK = 0x15;
    public static final int CRC_RESULT_MSB = 0x21;
    public static final int CRC_RESULT_LSB = 0x22;
    public static final int MOD_WIDTH = 0x24;
    public static final int RF_CFG = 0x26;
    public static final int T_MODE = 0x2A;
    public static final int T_PRESCALER = 0x2B;
    public static final int T_RELOAD_HI = 0x2C;
    public static final int T_RELOAD_LO = 0x2D;
    public static final int T_COUNTER_HI = 0x2E;
    public static final int T_COUNTER_LO = 0x2F;
    public static final int AUTO_TEST = 0x36;
    public static final int VERSION = 0x37;

    // CommandReg commands (bits 3..0) and bits.
    public static final int CMD_IDLE = 0x0;
    public static final int CMD_MEM = 0x1;
    public static final int CMD_GENERATE_RANDOM_ID = 0x2;
    public static final int CMD_CALC_CRC = 0x3;
    public static final int CMD_TRANSMIT = 0x4;
    public static final int CMD_NO_CHANGE = 0x7;
    public static final int CMD_RECEIVE = 0x8;
    public static final int CMD_TRANSCEIVE = 0xC;
    public static final int CMD_MF_AUTHENT = 0xE;
    public static final int CMD_SOFT_RESET = 0xF;
    public static final int COMMAND_POWER_DOWN = 0x10;
    public static final int COMMAND_RCV_OFF = 0x20;

    // ComIrqReg bits (bit 7 Set1 on write).
    public static final int IRQ_SET = 0x80;
    public static final int IRQ_TX = 0x40;
    public static final int IRQ_RX = 0x20;
    public static final int IRQ_IDLE = 0x10;
    public static final int IRQ_HI_ALERT = 0x08;
    public static final int IRQ_LO_ALERT = 0x04;
    public static final int IRQ_ERR = 0x02;
    public static final int IRQ_TIMER = 0x01;
    public static final int IRQ_ALL = 0x7F;

    // DivIrqReg bits.
    public static final int DIV_IRQ_CRC = 0x04;

    // ErrorReg bits.
    public static final int ERR_WR = 0x80;
    public static final int ERR_BUFFER_OVFL = 0x10;
    public static final int ERR_COLL = 0x08;
    public static final int ERR_CRC = 0x04;
    public static final int ERR_PARITY = 0x02;
    public static final int ERR_PROTOCOL = 0x01;

    public static final int STATUS2_MF_CRYPTO1_ON = 0x08;
    public static final int FIFO_FLUSH = 0x80;
    public static final int FIFO_SIZE = 64;
    public static final int BIT_FRAMING_START_SEND = 0x80;
    public static final int COLL_POS_NOT_VALID = 0x20;
    public static final int TX_CRC_EN = 0x80;
    public static final int RX_CRC_EN = 0x80;
    public static final int TX_CONTROL_ANTENNA = 0x03;
    public static final int TX_ASK_FORCE_100 = 0x40;
    public static final int T_MODE_AUTO = 0x80;
    public static final int AUTO_TEST_SELF_TEST = 0x09;

    /** SPI address byte: bit 7 set for a read, register address in bits 6..1. */
    public static int readAddress(int register) {
        return 0x80 | (register & 0x3F) << 1;
    }

    public static int writeAddress(int register) {
        return (register & 0x3F) << 1;
    }

    /** The chip's timer clock: 13.56 MHz. */
    public static final double TIMER_CLOCK_HZ = 13.56e6;
}
