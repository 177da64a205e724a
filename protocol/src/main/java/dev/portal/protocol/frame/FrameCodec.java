package dev.portal.protocol.frame;

import dev.portal.protocol.frame.FrameException.Reason;
import java.util.zip.CRC32C;

/**
 * Encodes and decodes frames (SPEC.md). Layout: version u8, type u8, flags u8, boot id u32, sequence u32,
 * time u48, body, CRC-32C u32 over everything before it; integers big-endian.
 *
 * <p>Decoding is total: any byte array either yields a Frame or raises one {@link FrameException}. The checks
 * run in the order SPEC.md lists, so every implementation reports the same reason for the same bytes.
 */
public final class FrameCodec {
    private static final int CRC_BYTES = 4;

    private FrameCodec() {
    }

    /**
     * @throws IllegalArgumentException when the message would not fit {@link Limits#MAX_FRAME} bytes
     */
    public static byte[] encode(Frame frame) {
        Header h = frame.header();
        Message m = frame.message();
        WireWriter w = new WireWriter(Limits.OVERHEAD + bodySizeHint(m));
        w.u8(h.version()).u8(m.type().code()).u8(h.wireFlags())
                .u32(h.bootId()).u32(h.sequence()).u48(h.timestampMillis());
        switch (m) {
            case TagPlaced t -> TagBodies.writePlaced(t, w);
            case TagRemoved t -> TagBodies.writeRemoved(t, w);
            case ToyRead t -> TagBodies.writeToyRead(t, w);
            case ToyAreas t -> TagBodies.writeToyAreas(t, w);
            case Birth b -> BirthBody.write(b, w);
            case Heartbeat hb -> HeartbeatBody.write(hb, w);
            case Command c -> CommandBodies.write(c, w);
            case CommandResult r -> CommandBodies.writeResult(r, w);
            case CommandReport r -> ReportBodies.write(r, w);
        }
        int length = w.size() + CRC_BYTES;
        if (length > Limits.MAX_FRAME) {
            throw new IllegalArgumentException(m.type() + " frame would be " + length + " bytes, limit " + Limits.MAX_FRAME);
        }
        w.u32(crc(w.array(), 0, w.size()));
        return w.toByteArray();
    }

    public static Frame decode(byte[] bytes) throws FrameException {
        if (bytes == null) {
            throw new FrameException(Reason.TOO_SHORT, "no bytes");
        }
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes {@code length} bytes from {@code offset}; the array is not kept.
     *
     * @throws IndexOutOfBoundsException when the range lies outside the array (a caller bug, not bad input)
     */
    public static Frame decode(byte[] bytes, int offset, int length) throws FrameException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length < 1) {
            throw new FrameException(Reason.TOO_SHORT, "empty frame");
        }
        int version = bytes[offset] & 0xFF;
        if (version >>> 4 != Header.MAJOR) {
            throw new FrameException(Reason.UNSUPPORTED_VERSION, "major version " + (version >>> 4) + " (byte 0x"
                    + Integer.toHexString(version) + "), this decoder speaks " + Header.MAJOR);
        }
        if (length > Limits.MAX_FRAME) {
            throw new FrameException(Reason.TOO_LONG, length + " bytes, limit " + Limits.MAX_FRAME);
        }
        if (length < Limits.OVERHEAD) {
            throw new FrameException(Reason.TOO_SHORT, length + " bytes, at least " + Limits.OVERHEAD + " needed");
        }
        int crcAt = offset + length - CRC_BYTES;
        long expected = new WireReader(bytes, crcAt, crcAt + CRC_BYTES).u32("crc");
        long actual = crc(bytes, offset, length - CRC_BYTES);
        if (expected != actual) {
            throw new FrameException(Reason.BAD_CHECK, "CRC-32C is " + Long.toHexString(expected) + ", bytes give "
                    + Long.toHexString(actual));
        }
        WireReader r = new WireReader(bytes, offset + 1, crcAt);
        int typeCode = r.u8("type");
        int flags = r.u8("flags");
        if ((flags & Flags.REQUIRED_MASK & ~Flags.KNOWN_REQUIRED) != 0) {
            throw new FrameException(Reason.UNKNOWN_REQUIRED_FLAG, "flags 0x" + Integer.toHexString(flags));
        }
        MessageType type = MessageType.fromCode(typeCode);
        if (type == null) {
            throw new FrameException(Reason.UNKNOWN_TYPE, "type 0x" + Integer.toHexString(typeCode));
        }
        long boot = r.u32("boot id");
        long sequence = r.u32("sequence");
        long time = r.u48("time");
        try {
            Header header = new Header(version, boot, sequence, time, (flags & Flags.CLOCK_SYNCED) != 0,
                    flags & ~Flags.CLOCK_SYNCED);
            Message message = switch (type) {
                case TAG_PLACED -> TagBodies.readPlaced(r);
                case TAG_REMOVED -> TagBodies.readRemoved(r);
                case TOY_READ -> TagBodies.readToyRead(r);
                case TOY_AREAS -> TagBodies.readToyAreas(r);
                case BIRTH -> BirthBody.read(r);
                case HEARTBEAT -> HeartbeatBody.read(r);
                case COMMAND -> CommandBodies.read(r);
                case COMMAND_RESULT -> CommandBodies.readResult(r);
                case COMMAND_REPORT -> ReportBodies.read(r);
            };
            // Bytes left in r are fields of a newer minor version: ignored by design (SPEC.md, "Evolution").
            return new Frame(header, message);
        } catch (IllegalArgumentException e) {
            throw new FrameException(Reason.BAD_FIELD, e.getMessage());
        }
    }

    /** Exact body size of the frequent small messages (one allocation, no copy); a guess for the others. */
    private static int bodySizeHint(Message m) {
        return switch (m) {
            case TagPlaced t -> 4 + t.uid().length();
            case TagRemoved t -> 9 + t.uid().length();
            case Heartbeat h -> 4 * HealthCounters.FIELDS;
            default -> 96;
        };
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    /** Rewrites the check of an encoded frame in place; for tests and tools that edit frames on purpose. */
    public static void resign(byte[] frame) {
        if (frame.length < CRC_BYTES) {
            return;
        }
        long c = crc(frame, 0, frame.length - CRC_BYTES);
        for (int i = 0; i < CRC_BYTES; i++) {
            frame[frame.length - CRC_BYTES + i] = (byte) (c >>> (24 - 8 * i));
        }
    }
}
