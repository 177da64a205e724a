package dev.portal.hardware.pn532.transport;

import dev.portal.hardware.reader.ReaderException;
import java.time.Duration;

/**
 * A byte link to a PN532 (HSU/UART, I2C). Frames are handled above this: a transport moves bytes and tells a
 * quiet chip (an empty read) from a dead link ({@link ReaderException.Failure#BUS_DEAD}). No call blocks for
 * longer than the time it is given, plus one bus transfer.
 */
public interface Pn532Transport extends AutoCloseable {

    /** Brings the chip out of power-down (HSU: 55 55 and zeros; I2C: the address match itself wakes it). */
    void wakeUp() throws ReaderException;

    void write(byte[] bytes) throws ReaderException;

    /**
     * Waits at most {@code maxWait} for bytes from the chip. Returns what arrived (for I2C: one whole read,
     * frame plus padding), or an empty array when nothing did.
     */
    byte[] read(Duration maxWait) throws ReaderException;

    /** Drops whatever the chip sent that nobody read (stale answers, noise) before a new command. */
    void discardInput() throws ReaderException;

    /** Where the chip is, for messages: "/dev/ttyS0", "i2c-1@0x24". */
    String describe();

    @Override
    void close();
}
