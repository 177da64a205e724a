package dev.portal.hardware.sim.tag;

/**
 * NTAG21x variants: page count, capability-container size byte, GET_VERSION storage-size byte and the number
 * of pages one dynamic lock bit protects. The last five pages are always: dynamic lock, CFG0, CFG1, PWD, PACK.
 */
public enum NtagType {
    NTAG213(45, 0x12, 0x0F, 2),
    NTAG215(135, 0x3E, 0x11, 16),
    NTAG216(231, 0x6D, 0x13, 16);

    private final int pages;
    private final int ccSize;
    private final int storageSize;
    private final int pagesPerDynamicLockBit;

    NtagType(int pages, int ccSize, int storageSize, int pagesPerDynamicLockBit) {
        this.pages = pages;
        this.ccSize = ccSize;
        this.storageSize = storageSize;
        this.pagesPerDynamicLockBit = pagesPerDynamicLockBit;
    }

    public int pages() {
        return pages;
    }

    public int ccSize() {
        return ccSize;
    }

    public int dynamicLockPage() {
        return pages - 5;
    }

    public int cfg0Page() {
        return pages - 4;
    }

    public int cfg1Page() {
        return pages - 3;
    }

    public int pwdPage() {
        return pages - 2;
    }

    public int packPage() {
        return pages - 1;
    }

    /** First and last user page (user memory starts at page 4 and ends before the dynamic lock page). */
    public int firstUserPage() {
        return 4;
    }

    public int lastUserPage() {
        return dynamicLockPage() - 1;
    }

    public int userBytes() {
        return (lastUserPage() - firstUserPage() + 1) * 4;
    }

    public int pagesPerDynamicLockBit() {
        return pagesPerDynamicLockBit;
    }

    /** The 8-byte GET_VERSION answer: NXP, NTAG, 50 pF, major 1, minor 0, storage size, ISO14443-3. */
    public byte[] version() {
        return new byte[] {0x00, 0x04, 0x04, 0x02, 0x01, 0x00, (byte) storageSize, 0x03};
    }
}
