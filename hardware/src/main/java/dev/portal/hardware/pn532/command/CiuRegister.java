package dev.portal.hardware.pn532.command;

/** Addresses of the PN532's contactless interface unit (CIU) registers, reached with Read/WriteRegister. */
public final class CiuRegister {
    public static final int TX_MODE = 0x6302;
    public static final int RX_MODE = 0x6303;
    public static final int TX_CONTROL = 0x6304;
    public static final int TX_AUTO = 0x6305;
    public static final int COMMAND = 0x6331;
    public static final int COM_IRQ = 0x6334;
    public static final int ERROR = 0x6336;
    public static final int STATUS2 = 0x6338;
    public static final int CONTROL = 0x633C;
    public static final int BIT_FRAMING = 0x633D;
    public static final int COLL = 0x633E;
    /** RxGain in bits 6..4, as on the MFRC522. */
    public static final int RF_CFG = 0x6316;
    public static final int MANUAL_RCV = 0x630D;
    public static final int TX_SEL = 0x6306;
    public static final int RX_SEL = 0x6307;
    public static final int RX_THRESHOLD = 0x6308;
    public static final int DEMOD = 0x6309;
    public static final int GS_N_ON = 0x6317;
    public static final int CW_GS_P = 0x6318;
    public static final int MOD_GS_P = 0x6319;

    /** CRC enable bit of TxMode/RxMode. */
    public static final int CRC_ENABLE = 0x80;

    private CiuRegister() {
    }
}
