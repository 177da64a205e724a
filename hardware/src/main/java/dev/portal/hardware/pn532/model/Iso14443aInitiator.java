package dev.portal.hardware.pn532.model;

import dev.portal.hardware.reader.Uid;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The PN532 firmware's ISO14443A activation, run over the {@link AirInterface}: REQA or WUPA, then per cascade
 * level anticollision (resolving bit collisions by taking the 1 branch) or, when the UID is known, a direct
 * SELECT; HLTA. Anticollision answers come aligned the way the CIU presents them (RxAlign = TxLastBits): the
 * first answer byte's low bits are the bits the reader already sent.
 */
final class Iso14443aInitiator {
    private static final int REQA = 0x26;
    private static final int WUPA = 0x52;
    private static final int CASCADE_TAG = 0x88;
    private static final int[] SEL = {0x93, 0x95, 0x97};

    private final AirInterface air;

    Iso14443aInitiator(AirInterface air) {
        this.air = air;
    }

    /**
     * Wakes tags (WUPA also wakes halted ones) and selects one: the one with {@code uid} when given, else the
     * one anticollision finds first. Empty when nothing answers or the selection fails.
     */
    Optional<ActivatedTag> activate(boolean wakeHalted, Optional<Uid> uid) {
        if (!air.fieldOn()) {
            return Optional.empty();
        }
        AirReply atqaReply = air.transceive(new byte[] {(byte) (wakeHalted ? WUPA : REQA)}, 7, 0, false);
        int atqa;
        switch (atqaReply) {
            case AirReply.Frame f when f.data().length == 2 -> atqa = twoBytes(f.data());
            case AirReply.Collision c -> atqa = mergedAtqa(c);
            default -> {
                return Optional.empty();
            }
        }
        ByteArrayOutputStream uidBytes = new ByteArrayOutputStream();
        for (int level = 0; level < SEL.length; level++) {
            byte[] part = uid.isPresent() ? knownPart(uid.get().bytes(), level) : anticollision(SEL[level]);
            if (part == null) {
                return Optional.empty();
            }
            AirReply sakReply = air.transceive(new byte[] {(byte) SEL[level], 0x70, part[0], part[1], part[2], part[3],
                    bcc(part)}, 0, 0, true);
            if (!(sakReply instanceof AirReply.Frame f) || f.data().length != 1) {
                return Optional.empty();
            }
            int sak = f.data()[0] & 0xFF;
            boolean incomplete = (sak & 0x04) != 0;
            uidBytes.write(part, incomplete ? 1 : 0, incomplete ? 3 : 4);
            if (!incomplete) {
                return Optional.of(new ActivatedTag(Uid.of(uidBytes.toByteArray()), atqa, sak));
            }
        }
        return Optional.empty();
    }

    /** HLTA; a halted tag does not answer. */
    void halt() {
        air.transceive(new byte[] {0x50, 0x00}, 0, 0, true);
    }

    /** The 4 bytes sent at {@code level} for a known UID: CT + 3 bytes while more levels follow. */
    private static byte[] knownPart(byte[] uid, int level) {
        int levels = uid.length == 4 ? 1 : uid.length == 7 ? 2 : 3;
        if (level >= levels) {
            return null;
        }
        int offset = level * 3;
        if (level == levels - 1) {
            return Arrays.copyOfRange(uid, offset, offset + 4);
        }
        return new byte[] {(byte) CASCADE_TAG, uid[offset], uid[offset + 1], uid[offset + 2]};
    }

    /** Runs the anticollision loop at one cascade level; returns the 4 UID bytes (or CT + 3) or null. */
    private byte[] anticollision(int sel) {
        byte[] known = new byte[5]; // UID part + BCC as they become known
        int knownBits = 0;
        while (knownBits < 40) {
            int wholeBytes = knownBits / 8;
            int extraBits = knownBits % 8;
            int sentBytes = wholeBytes + (extraBits > 0 ? 1 : 0);
            byte[] frame = new byte[2 + sentBytes];
            frame[0] = (byte) sel;
            frame[1] = (byte) ((2 + wholeBytes) << 4 | extraBits);
            System.arraycopy(known, 0, frame, 2, sentBytes);
            AirReply reply = air.transceive(frame, extraBits, extraBits, false);
            switch (reply) {
                case AirReply.Frame f -> {
                    merge(known, wholeBytes, extraBits, f.data());
                    knownBits = 40;
                }
                case AirReply.Collision c -> {
                    int absolute = wholeBytes * 8 + c.collisionBit();
                    if (absolute < knownBits || absolute >= 40) {
                        return null;
                    }
                    merge(known, wholeBytes, extraBits, c.data());
                    clearFrom(known, absolute);
                    known[absolute / 8] |= (byte) (1 << (absolute % 8)); // take the 1 branch
                    knownBits = absolute + 1;
                }
                default -> {
                    return null;
                }
            }
        }
        byte[] part = Arrays.copyOf(known, 4);
        return bcc(part) == known[4] ? part : null;
    }

    private static void merge(byte[] known, int wholeBytes, int extraBits, byte[] answer) {
        int keepMask = (1 << extraBits) - 1;
        for (int i = 0; i < answer.length && wholeBytes + i < known.length; i++) {
            int mine = i == 0 ? known[wholeBytes] & keepMask : 0;
            int theirs = i == 0 ? answer[i] & ~keepMask & 0xFF : answer[i] & 0xFF;
            known[wholeBytes + i] = (byte) (mine | theirs);
        }
    }

    private static void clearFrom(byte[] known, int bit) {
        for (int b = bit; b < known.length * 8; b++) {
            known[b / 8] &= (byte) ~(1 << (b % 8));
        }
    }

    private static byte bcc(byte[] part) {
        return (byte) (part[0] ^ part[1] ^ part[2] ^ part[3]);
    }

    /** ATQA arrives LSB first on air; the PN532 reports it MSB first (00 04 for a Classic 1K). */
    private static int twoBytes(byte[] atqa) {
        return (atqa[1] & 0xFF) << 8 | (atqa[0] & 0xFF);
    }

    /** Colliding ATQAs (tags of different kinds): report the bits received with the colliding bit set. */
    private static int mergedAtqa(AirReply.Collision c) {
        byte[] d = Arrays.copyOf(c.data(), 2);
        d[c.collisionBit() / 8 % 2] |= (byte) (1 << (c.collisionBit() % 8));
        return twoBytes(d);
    }
}
