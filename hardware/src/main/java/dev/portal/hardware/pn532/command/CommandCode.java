package dev.portal.hardware.pn532.command;

/** PN532 command codes (the byte after TFI D4); the response code is the command code + 1. */
public final class CommandCode {
    public static final int DIAGNOSE = 0x00;
    public static final int GET_FIRMWARE_VERSION = 0x02;
    public static final int GET_GENERAL_STATUS = 0x04;
    public static final int READ_REGISTER = 0x06;
    public static final int WRITE_REGISTER = 0x08;
    public static final int SET_PARAMETERS = 0x12;
    public static final int SAM_CONFIGURATION = 0x14;
    public static final int POWER_DOWN = 0x16;
    public static final int RF_CONFIGURATION = 0x32;
    public static final int IN_DATA_EXCHANGE = 0x40;
    public static final int IN_COMMUNICATE_THRU = 0x42;
    public static final int IN_DESELECT = 0x44;
    public static final int IN_LIST_PASSIVE_TARGET = 0x4A;
    public static final int IN_RELEASE = 0x52;
    public static final int IN_SELECT = 0x54;
    public static final int IN_AUTO_POLL = 0x60;

    /** Diagnose test numbers. */
    public static final int DIAGNOSE_COMMUNICATION_LINE = 0x00;

    /** RFConfiguration items. */
    public static final int RF_ITEM_FIELD = 0x01;
    public static final int RF_ITEM_TIMINGS = 0x02;
    public static final int RF_ITEM_MAX_RETRY_COM = 0x04;
    public static final int RF_ITEM_MAX_RETRIES = 0x05;

    /** InListPassiveTarget BrTy: 106 kbit/s type A (ISO14443A / MIFARE). */
    public static final int BRTY_106_TYPE_A = 0x00;

    private CommandCode() {
    }
}
