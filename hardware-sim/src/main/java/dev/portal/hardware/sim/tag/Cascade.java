package dev.portal.hardware.sim.tag;

import dev.portal.hardware.reader.Uid;

/**
 * How a UID is split over the cascade levels of ISO14443-3A anticollision: 4 bytes in one level; 7 bytes as
 * cascade tag 0x88 + uid0..2, then uid3..6; 10 bytes as 0x88 + uid0..2, 0x88 + uid3..5, uid6..9. Each level
 * carries 4 bytes followed by their BCC (XOR).
 */
public final class Cascade {
    public static final int CASCADE_TAG = 0x88;
    public static final int[] SEL = {0x93, 0x95, 0x97};

    private Cascade() {
    }

    public static int levels(Uid uid) {
        return switch (uid.length()) {
            case 4 -> 1;
            case 7 -> 2;
            default -> 3;
        };
    }

    /** The 5 bytes (4 UID or cascade bytes + BCC) a tag sends at {@code level} (0-based). */
    public static byte[] levelBytes(Uid uid, int level) {
        int levels = levels(uid);
        if (level < 0 || level >= levels) {
            throw new IllegalArgumentException("UID " + uid + " has no cascade level " + (level + 1));
        }
        byte[] out = new byte[5];
        int start = level * 3;
        if (level < levels - 1) {
            out[0] = (byte) CASCADE_TAG;
            for (int i = 0; i < 3; i++) {
                out[1 + i] = uid.byteAt(start + i);
            }
        } else {
            for (int i = 0; i < 4; i++) {
                out[i] = uid.byteAt(start + i);
            }
        }
        out[4] = (byte) bcc(out, 0, 4);
        return out;
    }

    public static int bcc(byte[] data, int offset, int length) {
        int x = 0;
        for (int i = offset; i < offset + length; i++) {
            x ^= data[i] & 0xFF;
        }
        return x;
    }

    /** ATQA bits 7..6 (UID size) for this UID: 00 single, 01 double, 10 triple. */
    public static int atqaUidSizeBits(Uid uid) {
        return (levels(uid) - 1) << 6;
    }
}
