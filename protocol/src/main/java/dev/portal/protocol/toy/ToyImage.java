package dev.portal.protocol.toy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * One save area's bytes (area format 1), normative in SPEC.md section 11 (Toy record), "Save area":
 * <pre>
 *  0        magic 0xA7
 *  1        area format 0x01
 *  2..5     write counter (u32, big-endian)
 *  6        body length L
 *  7..6+L   record body ({@link ToyRecordCodec})
 *  7+L..    authenticity tag: the first 8 bytes of HMAC-SHA-256(fleet key, MAC input)
 * </pre>
 * MAC input = ASCII "portal-toy-v1" || UID length (u8) || UID || area bytes 0..6+L. Bytes after the tag, up to
 * the end of the area, are padding and are ignored on reading.
 */
public final class ToyImage {

    public static final int MAGIC = 0xA7;
    public static final int FORMAT = 0x01;
    /** Magic, format, counter and body length. */
    public static final int HEADER_BYTES = 7;
    /** Truncated HMAC-SHA-256 length: 64 bits (SPEC.md section 11 (Toy record) explains the choice). */
    public static final int TAG_BYTES = 8;
    /** The largest image this code writes: header, the longest body, tag. */
    public static final int MAX_BYTES = HEADER_BYTES + ToyRecordCodec.MAX_BYTES + TAG_BYTES;
    public static final long MAX_COUNTER = 0xFFFF_FFFFL;

    private static final byte[] DOMAIN = "portal-toy-v1".getBytes(StandardCharsets.US_ASCII);
    /** NXP NTAG21x factory content: lock-control TLV then an empty NDEF message. */
    private static final byte[] NTAG_FACTORY_NDEF = {0x01, 0x03, (byte) 0xA0, 0x0C, 0x34, 0x03, 0x00, (byte) 0xFE};
    /** A bare empty NDEF message, as written by phone apps that "erase" a tag. */
    private static final byte[] EMPTY_NDEF = {0x03, 0x00, (byte) 0xFE};

    private ToyImage() {
    }

    /** The bytes of one save area holding {@code record}, for the tag {@code uid}, written with {@code counter}. */
    public static byte[] encode(ToyRecord record, byte[] uid, FleetKey key, long counter) {
        checkUid(uid);
        Objects.requireNonNull(key, "key");
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("write counter must be 0.." + MAX_COUNTER + ", got " + counter);
        }
        byte[] body = ToyRecordCodec.encode(record);
        byte[] image = new byte[HEADER_BYTES + body.length + TAG_BYTES];
        image[0] = (byte) MAGIC;
        image[1] = (byte) FORMAT;
        image[2] = (byte) (counter >>> 24);
        image[3] = (byte) (counter >>> 16);
        image[4] = (byte) (counter >>> 8);
        image[5] = (byte) counter;
        image[6] = (byte) body.length;
        System.arraycopy(body, 0, image, HEADER_BYTES, body.length);
        byte[] tag = tag(key, uid, image, HEADER_BYTES + body.length);
        System.arraycopy(tag, 0, image, HEADER_BYTES + body.length, TAG_BYTES);
        return image;
    }

    /**
     * Judges one area on its own. Total: any {@code area} bytes (including null) give a state, never an
     * exception. {@code uid} and {@code key} are the caller's and must be valid.
     */
    public static AreaState inspect(byte[] area, byte[] uid, FleetKey key) {
        checkUid(uid);
        Objects.requireNonNull(key, "key");
        if (area == null) {
            return new AreaState.Unreadable("no data");
        }
        if (isBlank(area)) {
            return new AreaState.Blank();
        }
        if (area.length == 0 || (area[0] & 0xFF) != MAGIC) {
            return new AreaState.Foreign(area.length == 0 ? "empty" : String.format("first byte 0x%02X", area[0] & 0xFF));
        }
        if (area.length < HEADER_BYTES + 1 + TAG_BYTES) {
            return new AreaState.Corrupt("area of " + area.length + " bytes is too small for a record");
        }
        int format = area[1] & 0xFF;
        if (format > FORMAT) {
            return new AreaState.Newer("area format " + format, counter(area));
        }
        if (format != FORMAT) {
            return new AreaState.Corrupt("area format " + format + " was never used");
        }
        int bodyLength = area[6] & 0xFF;
        int signed = HEADER_BYTES + bodyLength;
        if (bodyLength == 0 || signed + TAG_BYTES > area.length) {
            return new AreaState.Corrupt("body length " + bodyLength + " does not fit the " + area.length + "-byte area");
        }
        byte[] expected = tag(key, uid, area, signed);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(area, signed, signed + TAG_BYTES))) {
            return new AreaState.Corrupt("authenticity tag mismatch");
        }
        long counter = counter(area);
        try {
            return new AreaState.Valid(ToyRecordCodec.decode(Arrays.copyOfRange(area, HEADER_BYTES, signed)), counter);
        } catch (ToyFormatException e) {
            if (e.reason() == ToyFormatException.Reason.UNSUPPORTED_VERSION && (area[HEADER_BYTES] & 0xFF) > ToyRecord.CURRENT_VERSION) {
                return new AreaState.Newer("record version " + (area[HEADER_BYTES] & 0xFF), counter);
            }
            return new AreaState.Corrupt("authentic but malformed body: " + e.getMessage());
        }
    }

    private static long counter(byte[] area) {
        return (area[2] & 0xFFL) << 24 | (area[3] & 0xFF) << 16 | (area[4] & 0xFF) << 8 | (area[5] & 0xFF);
    }

    /**
     * Whether the area was never written by a portal: its first four bytes are all 0x00 or all 0xFF, or it
     * starts with a factory-fresh empty NDEF message. Only the start is examined because a portal writes the
     * area's first unit last: a first write interrupted on a fresh tag leaves the start erased.
     */
    public static boolean isBlank(byte[] area) {
        if (area.length >= 4 && uniform(area, 4, (byte) 0x00) || area.length >= 4 && uniform(area, 4, (byte) 0xFF)) {
            return true;
        }
        return startsWith(area, NTAG_FACTORY_NDEF) || startsWith(area, EMPTY_NDEF);
    }

    private static boolean uniform(byte[] area, int n, byte value) {
        for (int i = 0; i < n; i++) {
            if (area[i] != value) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] area, byte[] prefix) {
        return area.length >= prefix.length && Arrays.equals(area, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The truncated HMAC over the domain label, the UID and the first {@code signedLength} bytes of {@code area}. */
    static byte[] tag(FleetKey key, byte[] uid, byte[] area, int signedLength) {
        Mac mac = key.newMac();
        mac.update(DOMAIN);
        mac.update((byte) uid.length);
        mac.update(uid);
        mac.update(area, 0, signedLength);
        return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    }

    /** Rejects UIDs no ISO 14443-A tag has: the UID is the reader's, so a bad one is a caller bug. */
    static void checkUid(byte[] uid) {
        Objects.requireNonNull(uid, "uid");
        if (uid.length != 4 && uid.length != 7 && uid.length != 10) {
            throw new IllegalArgumentException("UID must be 4, 7 or 10 bytes, got " + uid.length + ": "
                    + HexFormat.of().formatHex(uid));
        }
    }
}
