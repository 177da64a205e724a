package dev.portal.device.app;

import dev.portal.hardware.reader.ChipInfo;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderHealth;
import dev.portal.hardware.reader.SelfTestResult;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.protocol.id.Uid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A reader whose driver could not be opened when the service started (a PN532 that does not answer its wake-up,
 * a USB serial adaptor not plugged in yet): until it opens, every call fails as a dead bus, so its pad counts
 * errors and blinks red like any dead reader, and each {@link #reset()} the pad's poller makes tries to open it
 * again. One pad's missing chip never stops the service, as with the MFRC522.
 */
final class LateOpeningReader implements NfcReader {
    private static final Logger LOG = LoggerFactory.getLogger(LateOpeningReader.class);

    /** Opens the driver; a chip that does not answer throws. */
    @FunctionalInterface
    interface Opener {
        NfcReader open() throws ReaderException;
    }

    private final String name;
    private final Opener opener;
    private NfcReader reader;
    private long attempts = 1;

    private LateOpeningReader(String name, Opener opener) {
        this.name = name;
        this.opener = opener;
    }

    /** The opened reader, or one that keeps trying to open it when its chip does not answer now. */
    static NfcReader open(String name, Opener opener) {
        try {
            return opener.open();
        } catch (ReaderException | RuntimeException e) {
            LOG.error("{}: not answering at start ({}); the pad keeps trying", name, e.getMessage());
            return new LateOpeningReader(name, opener);
        }
    }

    private NfcReader reader() throws ReaderException {
        if (reader == null) {
            throw new ReaderException(ReaderException.Failure.BUS_DEAD, name + " has not answered since the start");
        }
        return reader;
    }

    @Override
    public ChipInfo chipInfo() {
        return reader == null ? new ChipInfo(name, "not answering") : reader.chipInfo();
    }

    @Override
    public ReaderHealth health() {
        NfcReader r = reader;
        return r == null ? new ReaderHealth(attempts - 1, attempts, 0, 0, 0) : r.health();
    }

    @Override
    public void reset() throws ReaderException {
        if (reader != null) {
            reader.reset();
            return;
        }
        attempts++;
        try {
            reader = opener.open();
        } catch (RuntimeException e) {
            throw new ReaderException(ReaderException.Failure.BUS_DEAD, name + ": " + e.getMessage(), e);
        }
        LOG.info("{}: answers now (after {} attempts)", name, attempts);
    }

    @Override
    public SelfTestResult selfTest() throws ReaderException {
        return reader().selfTest();
    }

    @Override
    public void setField(boolean on) throws ReaderException {
        reader().setField(on);
    }

    @Override
    public AntennaGain antennaGain() throws ReaderException {
        return reader().antennaGain();
    }

    @Override
    public void setAntennaGain(AntennaGain gain) throws ReaderException {
        reader().setAntennaGain(gain);
    }

    @Override
    public List<TagInfo> scan() throws ReaderException {
        return reader().scan();
    }

    @Override
    public TagSession select(Uid uid) throws ReaderException {
        return reader().select(uid);
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
    }
}
