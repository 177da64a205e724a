package dev.portal.protocol.serial;

import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.FrameException.Reason;
import dev.portal.protocol.frame.Limits;

/**
 * Cuts a byte stream into COBS packets at 0x00 delimiters. Resynchronises after garbage: whatever precedes a
 * delimiter is one (possibly invalid) packet, and a run longer than the largest legal packet is dropped up to
 * the next delimiter without being buffered, so line noise can neither wedge the decoder nor grow its memory.
 * Not thread-safe: one reader thread feeds it.
 */
public final class CobsStreamDecoder {

    /** Receives what the decoder finds. */
    public interface Sink {
        /** A decoded packet (a frame candidate, not yet checked). */
        void packet(byte[] payload);

        /** Bytes that were dropped: an oversized run (TOO_LONG) or a packet that is not valid COBS (BAD_FRAMING). */
        void discarded(FrameException why);
    }

    /** Largest encoded packet: a maximum-size frame plus its COBS overhead. */
    public static final int MAX_PACKET = Cobs.maxEncodedLength(Limits.MAX_FRAME);

    private final byte[] buffer = new byte[MAX_PACKET];
    private int size;
    private boolean overflowing;
    private long overflowBytes;

    public void feed(byte[] data, int offset, int length, Sink sink) {
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == 0) {
                endOfPacket(sink);
            } else if (overflowing) {
                overflowBytes++;
            } else if (size == buffer.length) {
                overflowing = true;
                overflowBytes = size + 1;
                size = 0;
            } else {
                buffer[size++] = b;
            }
        }
    }

    private void endOfPacket(Sink sink) {
        if (overflowing) {
            overflowing = false;
            sink.discarded(new FrameException(Reason.TOO_LONG, overflowBytes + " bytes without a delimiter, limit " + MAX_PACKET));
            return;
        }
        if (size == 0) {
            return;
        }
        int length = size;
        size = 0;
        byte[] payload;
        try {
            payload = Cobs.decode(buffer, 0, length);
        } catch (FrameException e) {
            sink.discarded(e);
            return;
        }
        sink.packet(payload);
    }

    /** Bytes buffered for a packet whose delimiter has not arrived yet. */
    public int pending() {
        return overflowing ? 0 : size;
    }
}
