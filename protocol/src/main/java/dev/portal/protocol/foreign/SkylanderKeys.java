package dev.portal.protocol.foreign;

import java.util.Arrays;

/**
 * The key A of each sector of a Skylanders figure (MIFARE Classic 1K). Sector 0 uses one published key for every
 * figure; every other sector's key is a 48-bit CRC of the UID and the sector number, so a reader that knows the UID
 * knows the keys (they protect nothing from anyone who knows this).
 */
public final class SkylanderKeys {
    /** Key A of sector 0, the same on every figure. */
    private static final byte[] SECTOR_0_KEY_A = {0x4B, 0x0B, 0x20, 0x10, 0x7C, (byte) 0xCB};
    private static final long POLYNOMIAL = 0x42F0E1EBA9EA3693L;
    private static final long INITIAL = 0x9AE903260CC4L;
    private static final long MASK_48 = 0xFFFF_FFFF_FFFFL;
    private static final long TOP_BIT_48 = 1L << 47;
    public static final int SECTORS = 16;

    private SkylanderKeys() {
    }

    /**
     * Key A of {@code sector} (0..15) for a figure whose 4-byte UID is {@code uid4}.
     *
     * @throws IllegalArgumentException for a UID that is not 4 bytes or a sector outside 0..15
     */
    public static byte[] keyA(byte[] uid4, int sector) {
        if (uid4.length != 4) {
            throw new IllegalArgumentException("a Skylanders key derives from a 4-byte UID, not " + uid4.length);
        }
        if (sector < 0 || sector >= SECTORS) {
            throw new IllegalArgumentException("sector " + sector + " is not 0.." + (SECTORS - 1));
        }
        if (sector == 0) {
            return SECTOR_0_KEY_A.clone();
        }
        byte[] input = Arrays.copyOf(uid4, 5);
        input[4] = (byte) sector;
        long crc = crc48(input);
        byte[] key = new byte[6];
        for (int i = 0; i < 6; i++) {
            key[i] = (byte) (crc >>> (8 * i)); // the CRC's bytes, least significant first
        }
        return key;
    }

    /**
     * The 48-bit CRC: each byte enters at the top (bit 47), MSB first, no reflection, no final XOR; only the low 48
     * bits of the polynomial matter, since nothing above bit 47 ever shifts back down.
     */
    static long crc48(byte[] data) {
        long crc = INITIAL;
        for (byte b : data) {
            crc ^= (long) (b & 0xFF) << 40;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & TOP_BIT_48) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
                crc &= MASK_48;
            }
        }
        return crc;
    }
}
