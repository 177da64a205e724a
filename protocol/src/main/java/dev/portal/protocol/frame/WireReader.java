package dev.portal.protocol.frame;

import dev.portal.protocol.frame.FrameException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian cursor over one body. Every read checks the remaining bytes first, so a length field can never
 * make the decoder read past the body or allocate more than the body holds.
 */
public final class WireReader {
    private final byte[] bytes;
    private int position;
    private final int limit;

    public WireReader(byte[] bytes, int offset, int limit) {
        this.bytes = bytes;
        this.position = offset;
        this.limit = limit;
    }

    public int remaining() {
        return limit - position;
    }

    private void need(int count, String field) throws FrameException {
        if (count > limit - position) {
            throw new FrameException(Reason.TRUNCATED, field + " needs " + count + " bytes, " + (limit - position) + " left");
        }
    }

    public int u8(String field) throws FrameException {
        need(1, field);
        return bytes[position++] & 0xFF;
    }

    public int u16(String field) throws FrameException {
        need(2, field);
        int v = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    public int u24(String field) throws FrameException {
        need(3, field);
        int v = ((bytes[position] & 0xFF) << 16) | ((bytes[position + 1] & 0xFF) << 8) | (bytes[position + 2] & 0xFF);
        position += 3;
        return v;
    }

    public long u32(String field) throws FrameException {
        need(4, field);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (bytes[position++] & 0xFF);
        }
        return v;
    }

    public long u48(String field) throws FrameException {
        need(6, field);
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (bytes[position++] & 0xFF);
        }
        return v;
    }

    /** Exactly {@code count} bytes; {@code count} must already be checked against its cap. */
    public byte[] bytes(int count, String field) throws FrameException {
        need(count, field);
        byte[] out = new byte[count];
        System.arraycopy(bytes, position, out, 0, count);
        position += count;
        return out;
    }

    /** A u8 length prefix and that many bytes, the length within {@code min..max}. */
    public byte[] bytes8(int min, int max, String field) throws FrameException {
        int length = u8(field + " length");
        return capped(length, min, max, field);
    }

    /** A u16 length prefix and that many bytes, the length within {@code min..max}. */
    public byte[] bytes16(int min, int max, String field) throws FrameException {
        int length = u16(field + " length");
        return capped(length, min, max, field);
    }

    private byte[] capped(int length, int min, int max, String field) throws FrameException {
        if (length > max) {
            throw new FrameException(Reason.TOO_LONG, field + " length " + length + " exceeds " + max);
        }
        if (length < min) {
            throw new FrameException(Reason.BAD_FIELD, field + " length " + length + " below " + min);
        }
        return bytes(length, field);
    }

    public String text8(int max, String field) throws FrameException {
        return utf8(bytes8(0, max, field), field);
    }

    public String text16(int max, String field) throws FrameException {
        return utf8(bytes16(0, max, field), field);
    }

    static String utf8(byte[] raw, String field) throws FrameException {
        for (byte b : raw) {
            if (b == 0) { // never part of a longer UTF-8 sequence: always U+0000
                throw new FrameException(Reason.BAD_UTF8, field + " holds U+0000");
            }
        }
        if (isAscii(raw)) {
            return new String(raw, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FrameException(Reason.BAD_UTF8, field + " is not well-formed UTF-8");
        }
    }

    /** Most texts (ids, versions, keys) are ASCII, which is always well-formed: skip the strict decoder. */
    private static boolean isAscii(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
