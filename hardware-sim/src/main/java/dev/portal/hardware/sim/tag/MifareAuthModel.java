package dev.portal.hardware.sim.tag;

import dev.portal.hardware.sim.rf.RfFrame;
import dev.portal.hardware.sim.rf.Reception;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * The MIFARE Classic three-pass authentication as the models play it. <b>Simplification: there is no Crypto1
 * cipher.</b> The exchange has the real shape and length (reader: 60/61 + block + CRC_A; tag: 4-byte nonce nT;
 * reader: 8 bytes nR + aR; tag: 4-byte aT), but aR and aT are keyed checksums of (key, UID, nT, nR) instead of
 * Crypto1 keystream, so a tag model can check that the reader knows the key; every later frame of the session
 * travels in plaintext with CRC_A. It is not secure and is not meant to be: it only lets drivers be tested for
 * key handling, failed authentication and session state.
 */
public final class MifareAuthModel {
    public static final int AUTH_KEY_A = 0x60;
    public static final int AUTH_KEY_B = 0x61;

    private MifareAuthModel() {
    }

    /** aR: what a reader that knows {@code key} sends after nR. */
    public static byte[] readerProof(byte[] key, byte[] uid4, byte[] nT, byte[] nR) {
        return mix('R', key, uid4, nT, nR);
    }

    /** aT: what the tag answers once it has accepted aR. */
    public static byte[] tagProof(byte[] key, byte[] uid4, byte[] nT, byte[] nR) {
        return mix('T', key, uid4, nT, nR);
    }

    private static byte[] mix(char role, byte[] key, byte[] uid4, byte[] nT, byte[] nR) {
        CRC32 crc = new CRC32();
        crc.update(role);
        crc.update(key);
        crc.update(uid4);
        crc.update(nT);
        crc.update(nR);
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    /** How a reader-side authentication ended. */
    public enum Outcome {
        /** The tag accepted the key and proved it knows it too. */
        AUTHENTICATED,
        /** No nonce came back (no tag, wrong block, tag not selected). */
        NO_NONCE,
        /** The tag went silent after aR: wrong key (a real tag behaves the same way). */
        REFUSED,
        /** An answer had the wrong length, a collision or a parity error. */
        BAD_ANSWER
    }

    /**
     * Plays the reader side: the way a chip's MFAuthent command (MFRC522) or InDataExchange 60/61 (PN532) does.
     *
     * @param transceiver sends a frame and returns what was received
     * @param command     {@link #AUTH_KEY_A} or {@link #AUTH_KEY_B}
     * @param uid4        the 4 UID bytes the chip was given (the last 4 of a 7-byte UID)
     * @param nR          the reader's 4-byte nonce (a chip's random generator)
     */
    public static Outcome authenticate(Function<RfFrame, Reception> transceiver, int command, int block,
                                       byte[] key, byte[] uid4, byte[] nR) {
        byte[] request = dev.portal.hardware.iso14443a.CrcA.append(new byte[] {(byte) command, (byte) block});
        Reception nonce = transceiver.apply(RfFrame.of(request));
        if (nonce.isSilent()) {
            return Outcome.NO_NONCE;
        }
        if (nonce.frame().bitCount() != 32 || nonce.hasCollision() || nonce.parityError()) {
            return Outcome.BAD_ANSWER;
        }
        byte[] nT = nonce.frame().bytes();
        byte[] second = new byte[8];
        System.arraycopy(nR, 0, second, 0, 4);
        System.arraycopy(readerProof(key, uid4, nT, nR), 0, second, 4, 4);
        Reception answer = transceiver.apply(RfFrame.of(second));
        if (answer.isSilent()) {
            return Outcome.REFUSED;
        }
        if (answer.frame().bitCount() != 32 || answer.hasCollision() || answer.parityError()) {
            return Outcome.BAD_ANSWER;
        }
        return Arrays.equals(answer.frame().bytes(), tagProof(key, uid4, nT, nR))
                ? Outcome.AUTHENTICATED : Outcome.BAD_ANSWER;
    }
}
