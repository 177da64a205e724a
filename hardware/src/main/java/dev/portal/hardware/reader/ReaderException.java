package dev.portal.hardware.reader;

import java.util.Objects;

/** A reader or tag operation that failed; {@link #failure()} says how, the message says where. */
public final class ReaderException extends Exception {

    public enum Failure {
        /** No tag answered (or not the one asked for). */
        NO_TAG,
        /** The chip or the tag did not answer in time. */
        TIMEOUT,
        /** A frame arrived with a bad CRC or parity. */
        CRC,
        /** Several tags answered and the collision could not be resolved. */
        COLLISION,
        /** MIFARE key or NTAG password refused. */
        AUTHENTICATION,
        /** The tag or chip answered something the protocol does not allow (NAK, wrong length, bad frame). */
        PROTOCOL,
        /** Nothing answers on the bus (SPI/I2C/UART): the chip is absent, unpowered or dead. */
        BUS_DEAD
    }

    private final Failure failure;

    public ReaderException(Failure failure, String message) {
        super(failure + ": " + message);
        this.failure = Objects.requireNonNull(failure);
    }

    public ReaderException(Failure failure, String message, Throwable cause) {
        super(failure + ": " + message, cause);
        this.failure = Objects.requireNonNull(failure);
    }

    public Failure failure() {
        return failure;
    }
}
