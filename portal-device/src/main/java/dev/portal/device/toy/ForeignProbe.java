package dev.portal.device.toy;

import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagFamily;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.foreign.Amiibo;
import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.foreign.LegoDimensions;
import dev.portal.protocol.foreign.LegoKeys;
import dev.portal.protocol.foreign.SkylanderKeys;
import dev.portal.protocol.foreign.Skylanders;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.ToyImage;

import java.util.Optional;

/**
 * Tells a toy of another line from ours, by reading (never writing) what its line's published format says
 * identifies it (SPEC.md section 12). Runs only where our own read found no toy of ours: an NTAG whose area A is
 * neither ours nor blank (an amiibo, or a LEGO Dimensions tag, whose page 4 holds an NDEF text), or a MIFARE
 * Classic 1K whose sectors refused the factory key (a Skylander). Our toys and blank tags cost no extra read. A reader failure that means the tag went (lifted mid-read) propagates, so the
 * caller's retry and removal logic decides; a tag that is simply not of a foreign line gives empty.
 */
public final class ForeignProbe {
    private static final int OUR_MAGIC = 0xA7;

    private ForeignProbe() {
    }

    /** After our areas were read through {@code session}: is it an amiibo or a LEGO Dimensions tag? */
    public static Optional<ForeignReading> afterAreas(NfcReader reader, TagSession session, TagInfo tag,
                                                      ToyAreas areas) throws ReaderException {
        if (tag.family() != TagFamily.NTAG) {
            return Optional.empty();
        }
        Optional<AreaBytes> areaA = areas.areaA();
        if (areaA.isPresent() && (ours(areaA.get()) || ToyImage.isBlank(areaA.get().bytes()))) {
            return Optional.empty(); // ours, or a blank tag: no read is spent on other lines
        }
        // Area A starts at page 4; a tag without our layout (an amiibo's container names no size) is asked.
        byte[] magic = areaA.isPresent() ? areaA.get().bytes() : session.readPages(Amiibo.MAGIC_PAGE);
        if (magic.length > 0 && (magic[0] & 0xFF) == 0xA5) {
            byte[] id = session.fastRead(Amiibo.ID_FIRST_PAGE, Amiibo.ID_LAST_PAGE);
            return Amiibo.identify(magic, id).reading();
        }
        if (areas.tagType() != TagType.NTAG213) {
            return Optional.empty();
        }
        byte[] uid = tag.uid().bytes();
        byte[] pages;
        try {
            pages = session.fastRead(LegoDimensions.FIRST_PAGE, LegoDimensions.LAST_PAGE);
        } catch (ReaderException refused) {
            if (gone(refused)) {
                throw refused;
            }
            // Read-protected from 0x24 on, as LEGO Dimensions tags are: the refusal halted the tag, so select it
            // again and try the password its UID gives (one attempt per placement).
            try (TagSession again = reader.select(tag.uid())) {
                again.passwordAuthenticate(LegoKeys.password(uid));
                pages = again.fastRead(LegoDimensions.FIRST_PAGE, LegoDimensions.LAST_PAGE);
            } catch (ReaderException e) {
                if (gone(e)) {
                    throw e;
                }
                return Optional.empty(); // another password, or no such pages: not a LEGO Dimensions tag
            }
        }
        return LegoDimensions.identify(uid, pages).reading();
    }

    /**
     * After our areas could not be read: a MIFARE Classic 1K with a 4-byte UID whose sector refused the factory
     * key may be a Skylander, whose sector 0 opens with the published key. Anything else rethrows {@code failure}.
     */
    public static ForeignReading afterFailure(NfcReader reader, TagInfo tag, ReaderException failure)
            throws ReaderException {
        if (tag.family() != TagFamily.MIFARE_CLASSIC_1K || tag.uid().length() != 4
                || failure.failure() != ReaderException.Failure.AUTHENTICATION) {
            throw failure;
        }
        byte[] uid = tag.uid().bytes();
        try (TagSession s = reader.select(tag.uid())) {
            s.authenticate(0, new MifareKey(MifareKey.Type.A, SkylanderKeys.keyA(uid, 0)));
            byte[] head = new byte[Skylanders.HEAD_BYTES];
            System.arraycopy(s.readBlock(0), 0, head, 0, 16);
            System.arraycopy(s.readBlock(1), 0, head, 16, 16);
            return Skylanders.identify(uid, head).reading().orElseThrow(() -> failure);
        } catch (ReaderException e) {
            throw e.failure() == ReaderException.Failure.AUTHENTICATION ? failure : e;
        }
    }

    private static boolean ours(AreaBytes areaA) {
        return areaA.length() > 0 && (areaA.bytes()[0] & 0xFF) == OUR_MAGIC;
    }

    private static boolean gone(ReaderException e) {
        return e.failure() == ReaderException.Failure.NO_TAG || e.failure() == ReaderException.Failure.TIMEOUT;
    }
}
