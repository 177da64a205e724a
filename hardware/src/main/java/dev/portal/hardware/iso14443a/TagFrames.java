package dev.portal.hardware.iso14443a;

import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import java.util.Arrays;

/** Shared by the tag command classes: send a command with CRC_A and check what comes back. */
final class TagFrames {
    static final int ACK = 0x0A;

    private final PcdTransceiver pcd;

    TagFrames(PcdTransceiver pcd) {
        this.pcd = pcd;
    }

    /** Sends {@code command} + CRC and expects {@code length} data bytes + CRC back; returns the data. */
    byte[] exchange(byte[] command, int length, String what) throws ReaderException {
        return exchange(command, length, what, Failure.PROTOCOL);
    }

    /** As {@link #exchange(byte[], int, String)}, a NAK failing with {@code onNak}. */
    byte[] exchange(byte[] command, int length, String what, Failure onNak) throws ReaderException {
        PcdResponse r = pcd.transceive(pcd.appendCrc(command));
        if (r.isSilent()) {
            throw new ReaderException(Failure.TIMEOUT, what + ": no answer");
        }
        if (r.hasCollision()) {
            throw new ReaderException(Failure.COLLISION, what + ": several tags answered");
        }
        if (r.isNibble()) {
            ReaderException nak = nak(r.nibble(), what);
            throw onNak == Failure.PROTOCOL ? nak : new ReaderException(onNak, nak.getMessage(), nak);
        }
        if (r.lastBits() != 0 || r.data().length != length + 2) {
            throw new ReaderException(Failure.PROTOCOL, what + ": answer of " + r.bitCount() + " bits, expected "
                    + (length + 2) * 8);
        }
        if (!pcd.checkCrc(r.data())) {
            throw new ReaderException(Failure.CRC, what + ": bad CRC");
        }
        return Arrays.copyOf(r.data(), length);
    }

    /** Sends {@code frame} + CRC and expects a 4-bit ACK. */
    void expectAck(byte[] frame, String what) throws ReaderException {
        PcdResponse r = pcd.transceive(pcd.appendCrc(frame));
        if (r.isSilent()) {
            throw new ReaderException(Failure.TIMEOUT, what + ": no answer");
        }
        if (!r.isNibble()) {
            throw new ReaderException(Failure.PROTOCOL, what + ": expected a 4-bit ACK, got " + r.bitCount() + " bits");
        }
        if (r.nibble() != ACK) {
            throw nak(r.nibble(), what);
        }
    }

    static ReaderException nak(int code, String what) {
        String meaning = switch (code) {
            case 0x0 -> "invalid argument or address";
            case 0x1 -> "CRC or parity error at the tag";
            case 0x4 -> "not allowed (access conditions, lock bits or authentication)";
            case 0x5 -> "EEPROM write error";
            default -> "code 0x" + Integer.toHexString(code);
        };
        return new ReaderException(Failure.PROTOCOL, what + ": tag answered NAK (" + meaning + ")");
    }
}
