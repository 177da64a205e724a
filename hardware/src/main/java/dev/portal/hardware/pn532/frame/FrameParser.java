package dev.portal.hardware.pn532.frame;

import java.util.Arrays;
import java.util.Optional;

/**
 * Streaming parser for the PN532 host link. Bytes arrive in any chunking; frames come out one at a time.
 * Anything before a start code (00 FF) is skipped as noise, so the parser resynchronises after garbage, the
 * wake-up preamble or the zero padding of I2C reads. A frame that fails a checksum is reported as
 * {@link ParseEvent.Corrupt}, and the search for the next start code goes on right after its start code, so a
 * false start in noise cannot swallow the real frame behind it. Not thread-safe.
 */
public final class FrameParser {
    private byte[] buffer = new byte[512];
    private int start;
    private int end;
    private long skippedBytes;

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        if (end + length > buffer.length) {
            compact();
            if (end + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, end + length));
            }
        }
        System.arraycopy(bytes, offset, buffer, end, length);
        end += length;
    }

    /** Drops everything buffered (the host does this before each command). */
    public void clear() {
        start = 0;
        end = 0;
    }

    /** Bytes skipped as noise so far (start codes not found, checksum failures). */
    public long skippedBytes() {
        return skippedBytes;
    }

    /** The next complete frame or checksum failure, or empty when more bytes are needed. */
    public Optional<ParseEvent> next() {
        int startCode = findStartCode();
        if (startCode < 0) {
            return Optional.empty();
        }
        int p = startCode + 2;
        if (end - p < 2) {
            return Optional.empty();
        }
        int len = buffer[p] & 0xFF;
        int lcs = buffer[p + 1] & 0xFF;
        if (len == 0x00 && lcs == 0xFF) {
            start = p + 2;
            return received(new Pn532Frame.Ack());
        }
        if (len == 0xFF && lcs == 0x00) {
            start = p + 2;
            return received(new Pn532Frame.Nack());
        }
        int dataStart;
        if (len == 0xFF && lcs == 0xFF) {
            if (end - p < 5) {
                return Optional.empty();
            }
            len = (buffer[p + 2] & 0xFF) << 8 | (buffer[p + 3] & 0xFF);
            if (((buffer[p + 2] + buffer[p + 3] + buffer[p + 4]) & 0xFF) != 0) {
                return corrupt(startCode, ParseEvent.Kind.LENGTH_CHECKSUM, "extended LENm+LENl+LCS != 0");
            }
            dataStart = p + 5;
        } else {
            if (((len + lcs) & 0xFF) != 0) {
                return corrupt(startCode, ParseEvent.Kind.LENGTH_CHECKSUM,
                        String.format("LEN %02X + LCS %02X != 0", len, lcs));
            }
            dataStart = p + 2;
        }
        if (len == 0 || len > Pn532FrameCodec.MAX_EXTENDED_LENGTH) {
            return corrupt(startCode, ParseEvent.Kind.BAD_LENGTH, "length " + len);
        }
        if (end - dataStart < len + 1) {
            return Optional.empty();
        }
        int dcs = buffer[dataStart + len] & 0xFF;
        if (Pn532FrameCodec.checksum(buffer, dataStart, dataStart + len) != dcs) {
            // Not skipped as a whole: noise after a postamble (00) that begins with FF and a byte pair that
            // passes the length checksum looks like a frame, and its "data" is the real frame behind it.
            return corrupt(startCode, ParseEvent.Kind.DATA_CHECKSUM,
                    String.format("DCS %02X does not match %d data bytes", dcs, len));
        }
        int tfi = buffer[dataStart] & 0xFF;
        byte[] body = Arrays.copyOfRange(buffer, dataStart + 1, dataStart + len);
        start = dataStart + len + 1;
        if (tfi == Pn532Frame.ERROR_TFI && body.length == 0) { // 00 00 FF 01 FF 7F 81 00
            return received(new Pn532Frame.ApplicationError());
        }
        if (body.length == 0) {
            return Optional.of(new ParseEvent.Corrupt(ParseEvent.Kind.BAD_LENGTH, "frame without a command code"));
        }
        return received(new Pn532Frame.Information(tfi, body));
    }

    /** Index of the 00 of the next 00 FF start code; bytes before it are dropped as noise. */
    private int findStartCode() {
        for (int i = start; i + 1 < end; i++) {
            if (buffer[i] == 0x00 && buffer[i + 1] == (byte) 0xFF) {
                countSkipped(i);
                return i;
            }
        }
        // keep a trailing 00: it may be the first half of a start code
        int keep = end > start && buffer[end - 1] == 0x00 ? end - 1 : end;
        countSkipped(keep);
        return -1;
    }

    private void countSkipped(int newStart) {
        for (int i = start; i < newStart; i++) {
            if (buffer[i] != 0x00) { // zeros are preamble/postamble/padding, not noise
                skippedBytes++;
            }
        }
        start = newStart;
    }

    private Optional<ParseEvent> corrupt(int startCode, ParseEvent.Kind kind, String detail) {
        start = startCode + 2; // resynchronise: look for the next start code after this one
        skippedBytes += 2;
        return Optional.of(new ParseEvent.Corrupt(kind, detail));
    }

    private static Optional<ParseEvent> received(Pn532Frame frame) {
        return Optional.of(new ParseEvent.Received(frame));
    }

    private void compact() {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
    }
}
