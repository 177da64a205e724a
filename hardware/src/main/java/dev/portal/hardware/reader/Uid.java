package dev.portal.hardware.reader;

import java.util.Arrays;
import java.util.HexFormat;

/** An ISO14443A UID: 4, 7 or 10 bytes. Immutable; equal by content. */
public final class Uid {
    private final byte[] bytes;

    private Uid(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Uid of(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 7 && bytes.length != 10) {
            throw new IllegalArgumentException("a UID has 4, 7 or 10 bytes, not " + bytes.length);
        }
        return new Uid(bytes.clone());
    }

    /** Parses hex such as {@code 04A1B2C3D4E5F6} (separators ':' and ' ' allowed). */
    public static Uid parse(String hex) {
        return of(HexFormat.of().parseHex(hex.replace(":", "").replace(" ", "")));
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

    public String hex() {
        return HexFormat.of().withUpperCase().formatHex(bytes);
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
