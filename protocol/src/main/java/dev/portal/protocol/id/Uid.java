package dev.portal.protocol.id;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A tag's UID: the identity a toy is known by on the wire, in the bridge's store and in a toy record's signature.
 * Immutable and equal by content; the bytes are copied in and out.
 *
 * <p>Two ways in, because the reader and the wire promise different things. {@link #of} takes what an ISO
 * 14443-A reader reports after anticollision: 4, 7 or 10 bytes (single, double, triple size). {@link #fromWire}
 * takes what a frame may carry: 1..10 bytes (SPEC.md, "Tag events"), so that a tag family with another UID size
 * can still be reported as {@code other}; {@link #isIso14443a} tells the two apart where it matters, as for the
 * signature of a toy record.
 */
public final class Uid {
    /** Shortest UID a frame may carry. */
    public static final int MIN_WIRE_BYTES = 1;
    /** Longest UID of any size: ISO 14443-A triple size, and the wire format's cap. */
    public static final int MAX_BYTES = 10;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final byte[] bytes;

    private Uid(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A UID as an ISO 14443-A reader reports it: 4, 7 or 10 bytes. */
    public static Uid of(byte[] bytes) {
        if (!isIso14443aLength(bytes.length)) {
            throw new IllegalArgumentException("an ISO 14443-A UID has 4, 7 or 10 bytes, not " + bytes.length);
        }
        return new Uid(bytes.clone());
    }

    /** A UID as a frame may carry it: 1..10 bytes. */
    public static Uid fromWire(byte[] bytes) {
        if (bytes.length < MIN_WIRE_BYTES || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "a UID on the wire has " + MIN_WIRE_BYTES + ".." + MAX_BYTES + " bytes, not " + bytes.length);
        }
        return new Uid(bytes.clone());
    }

    /** Parses hex such as {@code 04A1B2C3D4E5F6} or {@code 04:a1:b2:..} (':' and ' ' allowed between bytes); 4, 7 or 10 bytes. */
    public static Uid parse(String hex) {
        return of(HEX.parseHex(hex.replace(":", "").replace(" ", "")));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    /** True for the 4, 7 and 10 byte UIDs of ISO 14443-A; false for other sizes a frame may carry. */
    public boolean isIso14443a() {
        return isIso14443aLength(bytes.length);
    }

    /** Upper-case hex without separators, as technicians read it off a reader: {@code 04A1B2C3D4E5F6}. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    private static boolean isIso14443aLength(int length) {
        return length == 4 || length == 7 || length == 10;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uid other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
