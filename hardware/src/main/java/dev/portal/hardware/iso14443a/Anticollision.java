package dev.portal.hardware.iso14443a;

import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;

/**
 * Bit-oriented anticollision at one cascade level (ISO14443-3 6.5.3): send SEL + NVB with the UID bits known so
 * far; the tags whose UID starts with them answer the rest; at the first collided bit keep what came before,
 * choose 1 for the collided bit, and ask again, until a single tag's 32 bits and BCC arrive.
 */
final class Anticollision {
    private static final int CLN_BITS = 40;

    private final PcdTransceiver pcd;

    Anticollision(PcdTransceiver pcd) {
        this.pcd = pcd;
    }

    /** Returns the 5 bytes (4 UID/cascade bytes + BCC) of one tag at this level. */
    byte[] resolve(int sel) throws ReaderException {
        byte[] cln = new byte[5];
        int known = 0;
        for (int round = 0; round <= 32; round++) {
            int whole = known / 8;
            int extra = known % 8;
            byte[] frame = new byte[2 + whole + (extra == 0 ? 0 : 1)];
            frame[0] = (byte) sel;
            frame[1] = (byte) ((2 + whole) << 4 | extra);
            System.arraycopy(cln, 0, frame, 2, frame.length - 2);
            PcdResponse answer = pcd.transceive(frame, extra, extra);
            if (answer.isSilent()) {
                throw new ReaderException(Failure.TIMEOUT, "no answer to anticollision at " + known + " known bits");
            }
            int firstByte = whole;
            byte[] data = answer.data();
            int receivedBits = answer.bitCount() - extra;
            if (data.length == 0 || firstByte + data.length > cln.length) {
                throw new ReaderException(Failure.PROTOCOL, "anticollision answer of " + data.length + " bytes");
            }
            int keepMask = (1 << extra) - 1;
            cln[firstByte] = (byte) (cln[firstByte] & keepMask | data[0] & ~keepMask);
            for (int i = 1; i < data.length; i++) {
                cln[firstByte + i] = data[i];
            }
            if (!answer.hasCollision()) {
                if (known + receivedBits != CLN_BITS) {
                    throw new ReaderException(Failure.PROTOCOL, "anticollision answer has "
                            + (known + receivedBits) + " bits, not 40");
                }
                if ((cln[0] ^ cln[1] ^ cln[2] ^ cln[3] ^ cln[4]) != 0) {
                    throw new ReaderException(Failure.CRC, "UID check byte (BCC) wrong");
                }
                return cln;
            }
            int collided = firstByte * 8 + answer.collisionPos() - 1; // 0-based bit index in CLn
            if (collided < known || collided >= 32) {
                throw new ReaderException(Failure.COLLISION, "collision at bit " + collided + " cannot be resolved");
            }
            // Keep the bits before the collision, take branch 1 at it, forget everything after.
            int b = collided / 8;
            int bit = collided % 8;
            cln[b] = (byte) (cln[b] & ((1 << bit) - 1) | 1 << bit);
            for (int i = b + 1; i < cln.length; i++) {
                cln[i] = 0;
            }
            known = collided + 1;
        }
        throw new ReaderException(Failure.COLLISION, "anticollision did not converge");
    }
}
