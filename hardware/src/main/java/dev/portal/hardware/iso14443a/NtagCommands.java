package dev.portal.hardware.iso14443a;

import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import java.io.ByteArrayOutputStream;

/** NTAG21x commands for a selected tag: READ, FAST_READ (split to fit the reader's FIFO), WRITE, PWD_AUTH. */
public final class NtagCommands {
    private static final int GET_VERSION = 0x60;
    private static final int READ = 0x30;
    private static final int FAST_READ = 0x3A;
    private static final int WRITE = 0xA2;
    private static final int PWD_AUTH = 0x1B;

    private final TagFrames frames;
    private final int maxPagesPerFastRead;

    /** {@code maxAnswerBytes}: the longest answer the reader can take in, CRC included (MFRC522: 64). */
    public NtagCommands(PcdTransceiver pcd, int maxAnswerBytes) {
        this.frames = new TagFrames(pcd);
        this.maxPagesPerFastRead = (maxAnswerBytes - 2) / 4;
    }

    public byte[] getVersion() throws ReaderException {
        return frames.exchange(new byte[] {GET_VERSION}, 8, "GET_VERSION");
    }

    public byte[] read(int page) throws ReaderException {
        checkPage(page);
        return frames.exchange(new byte[] {READ, (byte) page}, 16, "READ page " + page);
    }

    public byte[] fastRead(int start, int end) throws ReaderException {
        checkPage(start);
        checkPage(end);
        if (end < start) {
            throw new IllegalArgumentException("FAST_READ end page " + end + " before start page " + start);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((end - start + 1) * 4);
        for (int from = start; from <= end; from += maxPagesPerFastRead) {
            int to = Math.min(end, from + maxPagesPerFastRead - 1);
            out.writeBytes(frames.exchange(new byte[] {FAST_READ, (byte) from, (byte) to}, (to - from + 1) * 4,
                    "FAST_READ pages " + from + ".." + to));
        }
        return out.toByteArray();
    }

    public void write(int page, byte[] data) throws ReaderException {
        checkPage(page);
        if (data.length != 4) {
            throw new IllegalArgumentException("a page has 4 bytes, not " + data.length);
        }
        frames.expectAck(new byte[] {(byte) WRITE, (byte) page, data[0], data[1], data[2], data[3]}, "WRITE page " + page);
    }

    /** PWD_AUTH: returns the 2-byte PACK; a refused password fails with AUTHENTICATION. */
    public byte[] passwordAuthenticate(byte[] password) throws ReaderException {
        if (password.length != 4) {
            throw new IllegalArgumentException("an NTAG password has 4 bytes, not " + password.length);
        }
        return frames.exchange(new byte[] {PWD_AUTH, password[0], password[1], password[2], password[3]}, 2,
                "PWD_AUTH", Failure.AUTHENTICATION);
    }

    private static void checkPage(int page) {
        if (page < 0 || page > 255) {
            throw new IllegalArgumentException("page must be 0..255, not " + page);
        }
    }
}
