package dev.portal.hardware.sim.tag;

/**
 * Lock bits of an NTAG21x. Static lock bytes (page 2 bytes 2..3): L-CC locks page 3, Lx locks page x for
 * x = 4..15, and block-lock bits BL-CC, BL-9-4, BL-15-10 freeze those lock bits. Dynamic lock bytes (bytes 0..1
 * of the dynamic lock page): bit i locks the i-th group of {@link NtagType#pagesPerDynamicLockBit()} pages
 * from page 16. Lock bits can only be set, never cleared. Simplification: the dynamic block-lock bits (byte 2)
 * are stored as written but do not freeze dynamic lock bits.
 */
final class NtagLocks {
    private NtagLocks() {
    }

    /** True when the page is locked against WRITE by the lock bits in {@code memory}. */
    static boolean pageLocked(NtagType type, byte[] memory, int page) {
        int lock0 = memory[2 * 4 + 2] & 0xFF;
        int lock1 = memory[2 * 4 + 3] & 0xFF;
        if (page == 3) {
            return (lock0 & 0x08) != 0;
        }
        if (page >= 4 && page <= 7) {
            return (lock0 >> (page & 7) & 1) != 0;
        }
        if (page >= 8 && page <= 15) {
            return (lock1 >> (page - 8) & 1) != 0;
        }
        if (page >= 16 && page <= type.lastUserPage()) {
            int d = type.dynamicLockPage() * 4;
            int bits = (memory[d] & 0xFF) | (memory[d + 1] & 0xFF) << 8;
            int bit = (page - 16) / type.pagesPerDynamicLockBit();
            return bit < 16 && (bits >> bit & 1) != 0;
        }
        return false;
    }

    /** New static lock bytes after a WRITE to page 2 asks for {@code want0/want1}: OR, minus frozen bits. */
    static int[] mergeStatic(int old0, int old1, int want0, int want1) {
        int allowed0 = 0xFF;
        int allowed1 = 0xFF;
        if ((old0 & 0x01) != 0) {
            allowed0 &= ~0x08; // BL-CC freezes L-CC
        }
        if ((old0 & 0x02) != 0) {
            allowed0 &= ~0xF0; // BL-9-4 freezes L4..L7 and L8, L9
            allowed1 &= ~0x03;
        }
        if ((old0 & 0x04) != 0) {
            allowed1 &= ~0xFC; // BL-15-10 freezes L10..L15
        }
        return new int[] {old0 | (want0 & allowed0), old1 | (want1 & allowed1)};
    }
}
