package dev.portal.protocol.serial;

import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.FrameException.Reason;

/**
 * Consistent Overhead Byte Stuffing: rewrites a packet so it holds no zero byte, which leaves 0x00 free to
 * delimit packets on a byte stream. Costs one byte per started 254 bytes.
 */
public final class Cobs {
    private Cobs() {
    }

    /** Worst-case encoded size of {@code length} payload bytes, delimiter not included. */
    public static int maxEncodedLength(int length) {
        return length + length / 254 + 1;
    }

    public static byte[] encode(byte[] payload) {
        byte[] out = new byte[maxEncodedLength(payload.length)];
        int n = encode(payload, 0, payload.length, out, 0);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** Encodes into {@code out} from {@code at}; returns the index after the last byte written. */
    static int encode(byte[] payload, int offset, int length, byte[] out, int at) {
        int codeAt = at++;
        int code = 1;
        for (int i = offset; i < offset + length; i++) {
            byte b = payload[i];
            if (b != 0) {
                out[at++] = b;
                code++;
            }
            if (b == 0 || code == 0xFF) {
                out[codeAt] = (byte) code;
                codeAt = at++;
                code = 1;
            }
        }
        out[codeAt] = (byte) code;
        return at;
    }

    /**
     * Decodes one packet (without its delimiter).
     *
     * @throws FrameException BAD_FRAMING when a code byte is zero or points past the end of the packet
     */
    public static byte[] decode(byte[] encoded, int offset, int length) throws FrameException {
        byte[] out = new byte[length];
        int n = 0;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int code = encoded[i++] & 0xFF;
            if (code == 0) {
                throw new FrameException(Reason.BAD_FRAMING, "zero byte inside a COBS packet");
            }
            if (i + code - 1 > end) {
                throw new FrameException(Reason.BAD_FRAMING, "COBS code " + code + " runs past the packet end");
            }
            for (int k = 1; k < code; k++) {
                out[n++] = encoded[i++];
            }
            if (code != 0xFF && i < end) {
                out[n++] = 0;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
