package dev.portal.hardware.pn532.command;

/** GetFirmwareVersion: IC (0x32 for the PN532), Ver, Rev, Support (bit 0 type A, 1 type B, 2 ISO18092). */
public record Pn532Firmware(int ic, int version, int revision, int support) {
    public static final int PN532_IC = 0x32;

    public String versionString() {
        return version + "." + revision;
    }

    public boolean supportsTypeA() {
        return (support & 0x01) != 0;
    }
}
