package dev.portal.hardware.iso14443a;

import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.protocol.id.Uid;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * ISO14443-3A activation on any {@link PcdTransceiver}: REQA/WUPA, anticollision over cascade levels 1..3,
 * SELECT, HLTA, and enumeration of every tag in the field (WUPA, then select one, halt it, REQA, repeat).
 */
public final class Iso14443aActivation {
    public static final int REQA = 0x26;
    public static final int WUPA = 0x52;
    private static final int[] SEL = {0x93, 0x95, 0x97};
    private static final int CASCADE_TAG = 0x88;
    /** More tags than this on one pad means something is wrong (or a stack of identical UIDs). */
    public static final int MAX_TAGS = 16;
    /** Fresh starts one enumeration may take after failed exchanges. */
    public static final int MAX_RETRIES = 2;

    private final PcdTransceiver pcd;
    private final Anticollision anticollision;

    public Iso14443aActivation(PcdTransceiver pcd) {
        this.pcd = pcd;
        this.anticollision = new Anticollision(pcd);
    }

    /** WUPA: the ATQA (first byte low), empty when nobody answered. Several answering ATQAs may collide. */
    public Optional<Integer> wupa() throws ReaderException {
        return shortFrame(WUPA);
    }

    public Optional<Integer> reqa() throws ReaderException {
        return shortFrame(REQA);
    }

    private Optional<Integer> shortFrame(int command) throws ReaderException {
        PcdResponse r = pcd.transceive(new byte[] {(byte) command}, 7, 0);
        if (r.isSilent()) {
            return Optional.empty();
        }
        if (r.data().length < 2 && !r.hasCollision()) {
            throw new ReaderException(Failure.PROTOCOL, "ATQA of " + r.bitCount() + " bits");
        }
        byte[] d = r.data();
        return Optional.of(d.length < 2 ? 0 : (d[0] & 0xFF) | (d[1] & 0xFF) << 8);
    }

    /**
     * Anticollision and SELECT over every cascade level of one tag in the READY state. {@code atqa} is what the
     * REQA/WUPA brought back (combined when several tags answered).
     */
    public TagInfo selectOne(int atqa) throws ReaderException {
        ByteArrayOutputStream uid = new ByteArrayOutputStream();
        for (int level = 0; level < SEL.length; level++) {
            byte[] cln = anticollision.resolve(SEL[level]);
            int sak = select(SEL[level], cln);
            boolean more = (sak & 0x04) != 0;
            if (more && (cln[0] & 0xFF) != CASCADE_TAG) {
                throw new ReaderException(Failure.PROTOCOL, "SAK announces another level without a cascade tag");
            }
            uid.write(cln, more ? 1 : 0, more ? 3 : 4);
            if (!more) {
                // When several tags answered REQA/WUPA their ATQAs were heard combined; the UID size bits
                // (7..6) at least are known for this one.
                int sizeBits = level << 6;
                return TagInfo.of(Uid.of(uid.toByteArray()), atqa & ~0xC0 | sizeBits, sak);
            }
        }
        throw new ReaderException(Failure.PROTOCOL, "UID longer than three cascade levels");
    }

    /** Selects a tag whose UID is known (no anticollision needed); the tag must be READY. */
    public TagInfo selectKnown(Uid uid, int atqa) throws ReaderException {
        int levels = uid.length() == 4 ? 1 : uid.length() == 7 ? 2 : 3;
        int sak = 0;
        for (int level = 0; level < levels; level++) {
            byte[] cln = new byte[5];
            boolean last = level == levels - 1;
            if (last) {
                for (int i = 0; i < 4; i++) {
                    cln[i] = uid.byteAt(level * 3 + i);
                }
            } else {
                cln[0] = (byte) CASCADE_TAG;
                for (int i = 0; i < 3; i++) {
                    cln[1 + i] = uid.byteAt(level * 3 + i);
                }
            }
            cln[4] = (byte) (cln[0] ^ cln[1] ^ cln[2] ^ cln[3]);
            sak = select(SEL[level], cln);
            if (((sak & 0x04) != 0) == last) {
                throw new ReaderException(Failure.PROTOCOL, "SAK 0x" + Integer.toHexString(sak)
                        + " does not fit a " + uid.length() + "-byte UID");
            }
        }
        return TagInfo.of(uid, atqa, sak);
    }

    private int select(int sel, byte[] cln) throws ReaderException {
        byte[] frame = new byte[7];
        frame[0] = (byte) sel;
        frame[1] = 0x70;
        System.arraycopy(cln, 0, frame, 2, 5);
        PcdResponse r = pcd.transceive(pcd.appendCrc(frame));
        if (r.isSilent()) {
            throw new ReaderException(Failure.TIMEOUT, "no SAK: the tag did not answer SELECT");
        }
        if (r.hasCollision()) {
            throw new ReaderException(Failure.COLLISION, "collision in SAK");
        }
        if (r.data().length != 3 || r.lastBits() != 0) {
            throw new ReaderException(Failure.PROTOCOL, "SAK answer of " + r.data().length + " bytes");
        }
        if (!pcd.checkCrc(r.data())) {
            throw new ReaderException(Failure.CRC, "bad CRC on SAK");
        }
        return r.data()[0] & 0xFF;
    }

    /** HLTA: a halted tag does not answer; an answer means it did not halt. */
    public void halt() throws ReaderException {
        PcdResponse r = pcd.transceive(pcd.appendCrc(new byte[] {0x50, 0x00}));
        if (!r.isSilent()) {
            throw new ReaderException(Failure.PROTOCOL, "tag answered HLTA with " + r.bitCount() + " bits");
        }
    }

    /**
     * Finds every tag in the field, halted ones included, and leaves them all halted: WUPA, then
     * select-halt-REQA until nobody answers two REQAs in a row. Empty when nobody answers the WUPA. The first
     * failure ends it.
     */
    public List<TagInfo> enumerate() throws ReaderException {
        return enumerate(e -> false);
    }

    /**
     * As {@link #enumerate()}, but a failure {@code retryable} accepts (a lost or garbled answer from a tag,
     * not a stalled chip) starts the round again, at most {@link #MAX_RETRIES} times per call: with many tags
     * on a pad one lost answer among dozens would otherwise cost the whole scan, and a tag put down just then
     * would go unseen for poll after poll.
     */
    public List<TagInfo> enumerate(Predicate<ReaderException> retryable) throws ReaderException {
        Map<Uid, TagInfo> found = new LinkedHashMap<>();
        int retries = 0;
        Optional<Integer> atqa = wupa();
        while (atqa.isPresent()) {
            if (found.size() >= MAX_TAGS) {
                throw new ReaderException(Failure.COLLISION, "more than " + MAX_TAGS + " tags answer");
            }
            try {
                TagInfo tag = selectOne(atqa.get());
                found.putIfAbsent(tag.uid(), tag);
                halt();
                atqa = reqa();
                if (atqa.isEmpty()) {
                    // Silence ends the round, and a lost answer sounds the same: ask once more.
                    atqa = reqa();
                }
            } catch (ReaderException e) {
                if (!retryable.test(e) || ++retries > MAX_RETRIES) {
                    throw e;
                }
                // The tag that failed is READY or ACTIVE, maybe woken from HALT: a first WUPA may only send it
                // back there (silently), a second wakes it. The tags found already wake too; they are found
                // again, once each.
                Optional<Integer> first = wupa();
                Optional<Integer> second = wupa();
                atqa = second.or(() -> first);
            }
        }
        return List.copyOf(found.values());
    }
}
