package dev.portal.hardware.reader;

import dev.portal.protocol.frame.AntennaGain;
import dev.portal.protocol.id.Uid;
import java.util.List;

/**
 * One NFC reader chip driving one antenna (a pad). Both chip drivers (MFRC522, PN532) implement this, so the
 * portal service never knows which chip it talks to.
 *
 * <p>Every call is bounded by the reader's {@link ReaderTimeouts}; none blocks for longer. Failures are
 * {@link ReaderException}s with a {@link ReaderException.Failure} kind. Implementations are not thread-safe:
 * one poll thread owns a reader.
 */
public interface NfcReader extends AutoCloseable {

    /** What the chip reported about itself when it was last initialised. */
    ChipInfo chipInfo();

    /**
     * What the driver counted about its chip since it was opened (resets, dead bus, stalls, CRC errors,
     * timeouts). The service reads it from its Heartbeat thread, so a count may lag the poll thread's by a poll.
     */
    ReaderHealth health();

    /** Resets the chip (hardware reset line where there is one, else a soft reset) and initialises it again. */
    void reset() throws ReaderException;

    /** Runs the chip's own self-test (or the closest thing the chip has) and reports the outcome. */
    SelfTestResult selfTest() throws ReaderException;

    /** Switches the RF field on or off. A tag loses power, and so its state, when the field goes off. */
    void setField(boolean on) throws ReaderException;

    AntennaGain antennaGain() throws ReaderException;

    void setAntennaGain(AntennaGain gain) throws ReaderException;

    /**
     * Finds every ISO14443A tag in the field, halted ones included (the scan starts with WUPA), resolving
     * collisions, and leaves each found tag halted. Empty when the field is empty.
     */
    List<TagInfo> scan() throws ReaderException;

    /**
     * Selects the tag with this UID (woken with WUPA) for reading and writing. Fails with
     * {@link ReaderException.Failure#NO_TAG} when no such tag answers. Closing the session halts the tag.
     */
    TagSession select(Uid uid) throws ReaderException;

    /** Releases the bus; the field is switched off when possible. */
    @Override
    void close();
}
