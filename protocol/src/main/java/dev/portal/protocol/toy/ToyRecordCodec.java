package dev.portal.protocol.toy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The compact record body (version 1), without write counter or authenticity tag; TOY-RECORD.md, "Record body",
 * is the normative layout. Big-endian throughout:
 * <pre>
 *  0      record version (1)
 *  1..2   toy type (u16)
 *  3      variant (u8)
 *  4..12  primary, secondary, accent colour (3 x RGB)
 *  13..20 upgrades (u64, bit i = upgrade i)
 *  21..24 xp (u32)
 *  25     level (u8)
 *  26     name length n (0..20)
 *  27..   name, n bytes of UTF-8
 * </pre>
 * Decoding is total: any byte array gives a record or a {@link ToyFormatException}; nothing is allocated from a
 * length before that length is checked against the input and the limits.
 */
public final class ToyRecordCodec {

    /** Bytes of a version-1 body before the name. */
    public static final int FIXED_BYTES = 27;
    /** Longest version-1 body (a 20-byte name). */
    public static final int MAX_BYTES = FIXED_BYTES + CoCreation.MAX_NAME_BYTES;

    private static final int NAME_LENGTH_OFFSET = 26;

    private ToyRecordCodec() {
    }

    /** The body bytes of {@code record}; its version must be {@link ToyRecord#CURRENT_VERSION}. */
    public static byte[] encode(ToyRecord record) {
        if (record.recordVersion() != ToyRecord.CURRENT_VERSION) {
            throw new IllegalArgumentException("can only encode record version " + ToyRecord.CURRENT_VERSION
                    + ", got " + record.recordVersion());
        }
        CoCreation c = record.coCreation();
        byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + name.length);
        out.put((byte) record.recordVersion());
        out.putShort((short) record.toyType());
        out.put((byte) record.variant());
        putRgb(out, c.colours().primary());
        putRgb(out, c.colours().secondary());
        putRgb(out, c.colours().accent());
        out.putLong(c.upgrades().bits());
        out.putInt((int) c.xp());
        out.put((byte) c.level());
        out.put((byte) name.length);
        out.put(name);
        return out.array();
    }

    /** Size in bytes of {@code record}'s body, without encoding it. */
    public static int encodedSize(ToyRecord record) {
        return FIXED_BYTES + record.coCreation().name().getBytes(StandardCharsets.UTF_8).length;
    }

    /** The record in {@code body}, which must be exactly one body with no bytes after it. */
    public static ToyRecord decode(byte[] body) throws ToyFormatException {
        if (body == null || body.length == 0) {
            throw new ToyFormatException(ToyFormatException.Reason.EMPTY, "no record bytes");
        }
        int version = body[0] & 0xFF;
        if (version != ToyRecord.CURRENT_VERSION) {
            throw new ToyFormatException(ToyFormatException.Reason.UNSUPPORTED_VERSION,
                    "record version " + version + ", this portal reads version " + ToyRecord.CURRENT_VERSION);
        }
        if (body.length < FIXED_BYTES) {
            throw new ToyFormatException(ToyFormatException.Reason.TRUNCATED,
                    "record has " + body.length + " bytes, version 1 needs at least " + FIXED_BYTES);
        }
        int nameLength = body[NAME_LENGTH_OFFSET] & 0xFF;
        if (nameLength > CoCreation.MAX_NAME_BYTES) {
            throw new ToyFormatException(ToyFormatException.Reason.BAD_NAME,
                    "name length " + nameLength + " exceeds " + CoCreation.MAX_NAME_BYTES + " bytes");
        }
        int expected = FIXED_BYTES + nameLength;
        if (body.length < expected) {
            throw new ToyFormatException(ToyFormatException.Reason.TRUNCATED,
                    "record has " + body.length + " bytes, its name length says " + expected);
        }
        if (body.length > expected) {
            throw new ToyFormatException(ToyFormatException.Reason.TRAILING_BYTES,
                    (body.length - expected) + " bytes after the record's " + expected);
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        in.get();
        int toyType = in.getShort() & 0xFFFF;
        int variant = in.get() & 0xFF;
        Colours colours = new Colours(getRgb(in), getRgb(in), getRgb(in));
        Upgrades upgrades = new Upgrades(in.getLong());
        long xp = in.getInt() & 0xFFFF_FFFFL;
        int level = in.get() & 0xFF;
        in.get();
        String name = decodeName(in);
        return new ToyRecord(toyType, variant, version, new CoCreation(name, colours, upgrades, xp, level));
    }

    private static String decodeName(ByteBuffer in) throws ToyFormatException {
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ToyFormatException(ToyFormatException.Reason.BAD_NAME, "name is not valid UTF-8");
        }
        String problem = CoCreation.nameProblem(name);
        if (problem != null) {
            throw new ToyFormatException(ToyFormatException.Reason.BAD_NAME, problem);
        }
        return name;
    }

    private static void putRgb(ByteBuffer out, int rgb) {
        out.put((byte) (rgb >>> 16));
        out.put((byte) (rgb >>> 8));
        out.put((byte) rgb);
    }

    private static int getRgb(ByteBuffer in) {
        return (in.get() & 0xFF) << 16 | (in.get() & 0xFF) << 8 | (in.get() & 0xFF);
    }
}
