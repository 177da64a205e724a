package dev.portal.protocol.foreign;

import java.util.Arrays;

/**
 * Who a Skylanders figure is, from the first two blocks of its sector 0 (read with the sector-0 key A). Counting
 * from the start of sector 0: the character id is a u16 little-endian at byte 16, the variant a u16 little-endian
 * at byte 28, and bytes 30..31 hold the CRC-16/CCITT-FALSE of bytes 0..29, little-endian. Block 0 starts with the
 * 4-byte UID and its BCC, so data copied from another figure fails the check too.
 */
public final class Skylanders {
    /** Blocks 0 and 1. */
    public static final int HEAD_BYTES = 32;
    private static final int CHARACTER_AT = 16;
    private static final int VARIANT_AT = 28;
    private static final int CRC_AT = 30;

    private Skylanders() {
    }

    /**
     * @param uid4 the figure's 4-byte UID
     * @param head blocks 0 and 1 of sector 0, exactly {@value #HEAD_BYTES} bytes
     */
    public static Identification identify(byte[] uid4, byte[] head) {
        if (uid4.length != 4) {
            return new Identification.NotForeign("Skylanders figures have a 4-byte UID, not " + uid4.length);
        }
        if (head.length != HEAD_BYTES) {
            return new Identification.FailsCheck(ToyLine.SKYLANDERS, "sector 0 gave " + head.length
                    + " bytes, not the " + HEAD_BYTES + " of blocks 0 and 1");
        }
        if (!Arrays.equals(head, 0, 4, uid4, 0, 4) || (head[4] & 0xFF) != bcc(uid4)) {
            return new Identification.FailsCheck(ToyLine.SKYLANDERS, "block 0 does not hold this UID and its BCC");
        }
        int stored = u16le(head, CRC_AT);
        int computed = Crc16Ccitt.of(head, 0, CRC_AT);
        if (stored != computed) {
            return new Identification.FailsCheck(ToyLine.SKYLANDERS, String.format(
                    "CRC-16 of bytes 0..29 is %04x, the figure stores %04x", computed, stored));
        }
        return new Identification.Identified(new ForeignToy(ToyLine.SKYLANDERS, ToyForm.FIGURE,
                u16le(head, CHARACTER_AT), u16le(head, VARIANT_AT), 0));
    }

    /**
     * Blocks 0 and 1 of a figure with this identity: block 0 from the UID (UID, BCC, SAK 0x08, ATQA 0x0004, rest zero),
     * block 1 with the ids and the CRC. What a figure factory would write; used by tag models and tests.
     */
    public static byte[] head(byte[] uid4, int characterId, int variant) {
        byte[] head = new byte[HEAD_BYTES];
        System.arraycopy(uid4, 0, head, 0, 4);
        head[4] = (byte) bcc(uid4);
        head[5] = 0x08;
        head[6] = 0x04;
        putU16le(head, CHARACTER_AT, characterId);
        putU16le(head, VARIANT_AT, variant);
        putU16le(head, CRC_AT, Crc16Ccitt.of(head, 0, CRC_AT));
        return head;
    }

    private static int bcc(byte[] uid4) {
        return (uid4[0] ^ uid4[1] ^ uid4[2] ^ uid4[3]) & 0xFF;
    }

    private static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static void putU16le(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
    }
}
