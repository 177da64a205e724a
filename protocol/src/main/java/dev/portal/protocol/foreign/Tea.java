package dev.portal.protocol.foreign;

/** The Tiny Encryption Algorithm on one 64-bit block (two 32-bit words), 32 cycles, as LEGO Dimensions tags use it. */
final class Tea {
    private static final int DELTA = 0x9E3779B9;
    private static final int CYCLES = 32;

    private Tea() {
    }

    static int[] encrypt(int v0, int v1, int[] k) {
        int sum = 0;
        for (int i = 0; i < CYCLES; i++) {
            sum += DELTA;
            v0 += ((v1 << 4) + k[0]) ^ (v1 + sum) ^ ((v1 >>> 5) + k[1]);
            v1 += ((v0 << 4) + k[2]) ^ (v0 + sum) ^ ((v0 >>> 5) + k[3]);
        }
        return new int[] {v0, v1};
    }

    static int[] decrypt(int v0, int v1, int[] k) {
        int sum = DELTA * CYCLES;
        for (int i = 0; i < CYCLES; i++) {
            v1 -= ((v0 << 4) + k[2]) ^ (v0 + sum) ^ ((v0 >>> 5) + k[3]);
            v0 -= ((v1 << 4) + k[0]) ^ (v1 + sum) ^ ((v1 >>> 5) + k[1]);
            sum -= DELTA;
        }
        return new int[] {v0, v1};
    }
}
