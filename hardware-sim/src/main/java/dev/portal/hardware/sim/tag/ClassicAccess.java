package dev.portal.hardware.sim.tag;

import dev.portal.hardware.reader.MifareKey;

/**
 * Access conditions of one MIFARE Classic sector, decoded from trailer bytes 6..8 (each condition C1 C2 C3
 * stored once plain and once inverted). A trailer whose inverted copy does not match is malformed: the sector
 * is then locked for good, as on a real tag.
 *
 * <p>When key B is readable (trailer conditions 000, 010, 001) it cannot be used as a key: it grants nothing.
 */
public final class ClassicAccess {
    private static final int NEVER = 0;
    private static final int A = 1;
    private static final int B = 2;
    private static final int AB = 3;

    // Data blocks, indexed by C1C2C3 as a 3-bit number (C1 most significant): {read, write}.
    private static final int[][] DATA = {
        {AB, AB}, {AB, NEVER}, {AB, NEVER}, {B, B}, {AB, B}, {B, NEVER}, {AB, B}, {NEVER, NEVER}};
    // Trailer: {keyA write, access read, access write, keyB read, keyB write}.
    private static final int[][] TRAILER = {
        {A, A, NEVER, A, A}, {A, A, A, A, A}, {NEVER, A, NEVER, A, NEVER}, {B, AB, B, NEVER, B},
        {B, AB, NEVER, NEVER, B}, {NEVER, AB, B, NEVER, NEVER}, {NEVER, AB, NEVER, NEVER, NEVER},
        {NEVER, AB, NEVER, NEVER, NEVER}};

    /** Transport configuration FF 07 80: data blocks 000, trailer 001. */
    public static final byte[] TRANSPORT = {(byte) 0xFF, 0x07, (byte) 0x80};

    private final int[] conditions = new int[4];
    private final boolean valid;

    private ClassicAccess(byte b6, byte b7, byte b8) {
        int c1 = (b7 >> 4) & 0x0F;
        int c2 = b8 & 0x0F;
        int c3 = (b8 >> 4) & 0x0F;
        int nc1 = b6 & 0x0F;
        int nc2 = (b6 >> 4) & 0x0F;
        int nc3 = b7 & 0x0F;
        valid = (c1 ^ nc1) == 0x0F && (c2 ^ nc2) == 0x0F && (c3 ^ nc3) == 0x0F;
        for (int block = 0; block < 4; block++) {
            conditions[block] = ((c1 >> block & 1) << 2) | ((c2 >> block & 1) << 1) | (c3 >> block & 1);
        }
    }

    /** Decodes bytes 6..8 of a sector trailer. */
    public static ClassicAccess fromTrailer(byte[] trailer) {
        return new ClassicAccess(trailer[6], trailer[7], trailer[8]);
    }

    public boolean valid() {
        return valid;
    }

    public boolean canRead(int blockInSector, MifareKey.Type key) {
        return valid && allowed(DATA[conditions[blockInSector]][0], key);
    }

    public boolean canWrite(int blockInSector, MifareKey.Type key) {
        return valid && allowed(DATA[conditions[blockInSector]][1], key);
    }

    public boolean canWriteKeyA(MifareKey.Type key) {
        return trailer(0, key);
    }

    public boolean canReadAccessBits(MifareKey.Type key) {
        return trailer(1, key);
    }

    public boolean canWriteAccessBits(MifareKey.Type key) {
        return trailer(2, key);
    }

    public boolean canReadKeyB(MifareKey.Type key) {
        return trailer(3, key);
    }

    public boolean canWriteKeyB(MifareKey.Type key) {
        return trailer(4, key);
    }

    private boolean trailer(int column, MifareKey.Type key) {
        return valid && allowed(TRAILER[conditions[3]][column], key);
    }

    private boolean keyBReadable() {
        return (TRAILER[conditions[3]][3] & A) != 0;
    }

    private boolean allowed(int who, MifareKey.Type key) {
        if (key == MifareKey.Type.B && keyBReadable()) {
            return false;
        }
        return (who & (key == MifareKey.Type.A ? A : B)) != 0;
    }
}
