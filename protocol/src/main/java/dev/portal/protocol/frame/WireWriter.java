package dev.portal.protocol.frame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Big-endian appender used by the encoders; grows as needed. Callers pass values already range-checked. */
public final class WireWriter {
    private byte[] buffer;
    private int size;

    public WireWriter(int initialCapacity) {
        buffer = new byte[Math.max(1, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }

    public int size() {
        return size;
    }

    public WireWriter u8(int v) {
        ensure(1);
        buffer[size++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
        return this;
    }

    public WireWriter u24(int v) {
        ensure(3);
        buffer[size++] = (byte) (v >>> 16);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
        return this;
    }

    public WireWriter u32(long v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public WireWriter u48(long v) {
        ensure(6);
        for (int shift = 40; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public WireWriter raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    public WireWriter bytes8(byte[] bytes) {
        return u8(bytes.length).raw(bytes);
    }

    public WireWriter bytes16(byte[] bytes) {
        return u16(bytes.length).raw(bytes);
    }

    public WireWriter text8(String text) {
        return bytes8(text.getBytes(StandardCharsets.UTF_8));
    }

    public WireWriter text16(String text) {
        return bytes16(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Overwrites a u16 written earlier (used for length prefixes known only after the content). */
    public void patchU16(int at, int v) {
        buffer[at] = (byte) (v >>> 8);
        buffer[at + 1] = (byte) v;
    }

    byte[] array() {
        return buffer;
    }

    /** The bytes written; hands over the buffer itself when it is exactly full (the writer is then spent). */
    public byte[] toByteArray() {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }
}
