package dev.portal.hardware.reader;

import java.util.Arrays;

/** A MIFARE Classic key: which one (A or B) and its 6 bytes. */
public record MifareKey(Type type, byte[] bytes) {
    public enum Type { A, B }

    public static final byte[] FACTORY = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    public MifareKey {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("a MIFARE key has 6 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    public static MifareKey factoryA() {
        return new MifareKey(Type.A, FACTORY);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MifareKey k && k.type == type && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MifareKey[" + type + "]"; // never print key bytes into logs
    }
}
