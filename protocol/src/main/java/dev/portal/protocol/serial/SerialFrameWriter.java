package dev.portal.protocol.serial;

import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes frames to a byte stream as {@code 00 COBS(frame) 00}. The leading delimiter ends whatever noise or
 * half packet the line carried before, so the frame itself is never glued to garbage.
 */
public final class SerialFrameWriter {
    private final OutputStream out;

    public SerialFrameWriter(OutputStream out) {
        this.out = out;
    }

    /** Bytes written on the line for one encoded frame. */
    public static byte[] packet(byte[] frame) {
        byte[] packet = new byte[Cobs.maxEncodedLength(frame.length) + 2];
        int end = Cobs.encode(frame, 0, frame.length, packet, 1);
        packet[end] = 0;
        return java.util.Arrays.copyOf(packet, end + 1);
    }

    public void write(Frame frame) throws IOException {
        writeEncoded(FrameCodec.encode(frame));
    }

    /** Writes an already encoded frame (e.g. relayed without decoding). */
    public void writeEncoded(byte[] frame) throws IOException {
        out.write(packet(frame));
        out.flush();
    }
}
