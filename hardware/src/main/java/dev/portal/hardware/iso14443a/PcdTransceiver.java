package dev.portal.hardware.iso14443a;

import dev.portal.hardware.reader.ReaderException;
import java.time.Duration;

/**
 * What the ISO14443A layer needs from a reader chip: send a bit-exact frame and hear the answer, and compute a
 * CRC_A (a chip with a CRC coprocessor does that itself).
 */
public interface PcdTransceiver {

    /**
     * Sends {@code data} (the last byte carrying {@code txLastBits} bits, 0 meaning 8) and returns what came back,
     * the first received bit stored at bit {@code rxAlign} of the first byte. Collisions are returned, not
     * thrown, and so is silence ({@link PcdResponse#isSilent()}) when no tag answered within the current
     * timeout: that is an answer, not a fault. Fails with CRC on a parity error, PROTOCOL on other receive
     * errors, and TIMEOUT or BUS_DEAD only when the chip itself stopped responding.
     */
    PcdResponse transceive(byte[] data, int txLastBits, int rxAlign) throws ReaderException;

    /** Whole-byte frame, whole-byte alignment. */
    default PcdResponse transceive(byte[] data) throws ReaderException {
        return transceive(data, 0, 0);
    }

    /** How long the chip waits for an answer from now on. */
    void setResponseTimeout(Duration timeout) throws ReaderException;

    /** {@code data} with its CRC_A appended (LSB first). */
    byte[] appendCrc(byte[] data) throws ReaderException;

    /** True when the last two bytes of {@code frame} are the CRC_A of the others. */
    boolean checkCrc(byte[] frame) throws ReaderException;
}
