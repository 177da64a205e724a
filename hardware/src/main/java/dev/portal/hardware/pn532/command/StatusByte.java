package dev.portal.hardware.pn532.command;

import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;

/** The status byte of InDataExchange / InCommunicateThru answers (bits 5..0 the error, bit 6 MI, bit 7 NAD). */
public final class StatusByte {
    public static final int OK = 0x00;
    public static final int TIMEOUT = 0x01;
    public static final int CRC = 0x02;
    public static final int PARITY = 0x03;
    public static final int COLLISION_BIT_COUNT = 0x04;
    public static final int FRAMING = 0x05;
    public static final int COLLISION = 0x06;
    public static final int BUFFER_OVERFLOW = 0x07;
    public static final int PROTOCOL = 0x0B;
    public static final int MIFARE_AUTH = 0x14;
    public static final int WRONG_CONTEXT = 0x27;

    private StatusByte() {
    }

    public static int error(int status) {
        return status & 0x3F;
    }

    /** Throws the failure the status byte stands for; returns when it says success. */
    public static void check(int status, String what) throws ReaderException {
        int error = error(status);
        if (error == OK) {
            return;
        }
        Failure failure = switch (error) {
            case TIMEOUT -> Failure.TIMEOUT;
            case MIFARE_AUTH -> Failure.AUTHENTICATION;
            case CRC, PARITY -> Failure.CRC;
            case COLLISION, COLLISION_BIT_COUNT -> Failure.COLLISION;
            default -> Failure.PROTOCOL;
        };
        throw new ReaderException(failure, String.format("%s: PN532 status %02X", what, error));
    }
}
