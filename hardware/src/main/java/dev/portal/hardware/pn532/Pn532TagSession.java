package dev.portal.hardware.pn532;

import dev.portal.hardware.pn532.command.ListedTarget;
import dev.portal.hardware.pn532.command.Pn532Commands;
import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tag the PN532 has listed, driven through InDataExchange: the chip adds and checks CRC_A, runs Crypto1 for
 * MIFARE Classic and handles the two-phase MIFARE WRITE. Closing halts the tag and releases the target.
 */
public final class Pn532TagSession implements TagSession {
    private static final Logger log = LoggerFactory.getLogger(Pn532TagSession.class);
    private static final int MIFARE_AUTH_A = 0x60;
    private static final int MIFARE_AUTH_B = 0x61;
    private static final int READ = 0x30;
    private static final int MIFARE_WRITE = 0xA0;
    private static final int NTAG_WRITE = 0xA2;
    private static final int FAST_READ = 0x3A;
    private static final int PWD_AUTH = 0x1B;
    private static final int GET_VERSION = 0x60;
    /** Pages per FAST_READ so that the answer fits the chip's frame buffer (60 x 4 = 240 bytes). */
    static final int FAST_READ_CHUNK_PAGES = 60;

    private final Pn532Commands commands;
    private final TagEnumerator halter;
    private final ListedTarget target;
    private final Duration timeout;
    private final Consumer<ReaderException> failures;
    private boolean closed;

    Pn532TagSession(Pn532Commands commands, TagEnumerator halter, ListedTarget target, Duration timeout,
                    Consumer<ReaderException> failures) {
        this.commands = commands;
        this.halter = halter;
        this.target = target;
        this.timeout = timeout;
        this.failures = failures;
    }

    @Override
    public TagInfo tag() {
        return target.tagInfo();
    }

    @Override
    public void authenticate(int block, MifareKey key) throws ReaderException {
        checkBlock(block);
        byte[] uid = target.uid().bytes();
        ByteArrayOutputStream cmd = new ByteArrayOutputStream();
        cmd.write(key.type() == MifareKey.Type.A ? MIFARE_AUTH_A : MIFARE_AUTH_B);
        cmd.write(block);
        cmd.writeBytes(key.bytes());
        cmd.write(uid, uid.length - 4, 4); // Crypto1 uses the last 4 UID bytes
        exchange(cmd.toByteArray(), "authenticate block " + block);
    }

    @Override
    public byte[] readBlock(int block) throws ReaderException {
        checkBlock(block);
        return expectLength(exchange(new byte[] {READ, (byte) block}, "read block " + block), 16, "READ");
    }

    @Override
    public void writeBlock(int block, byte[] data) throws ReaderException {
        checkBlock(block);
        if (data.length != 16) {
            throw new IllegalArgumentException("a MIFARE block has 16 bytes, not " + data.length);
        }
        byte[] cmd = new byte[18];
        cmd[0] = (byte) MIFARE_WRITE;
        cmd[1] = (byte) block;
        System.arraycopy(data, 0, cmd, 2, 16);
        expectAck(exchange(cmd, "write block " + block), "WRITE");
    }

    @Override
    public byte[] readPages(int page) throws ReaderException {
        checkPage(page);
        return expectLength(exchange(new byte[] {READ, (byte) page}, "read page " + page), 16, "READ");
    }

    @Override
    public byte[] fastRead(int startPage, int endPage) throws ReaderException {
        checkPage(startPage);
        checkPage(endPage);
        if (endPage < startPage) {
            throw new IllegalArgumentException("FAST_READ end page " + endPage + " before start " + startPage);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = startPage; from <= endPage; from += FAST_READ_CHUNK_PAGES) {
            int to = Math.min(endPage, from + FAST_READ_CHUNK_PAGES - 1);
            byte[] r = exchange(new byte[] {FAST_READ, (byte) from, (byte) to}, "fast read " + from + ".." + to);
            out.writeBytes(expectLength(r, (to - from + 1) * 4, "FAST_READ"));
        }
        return out.toByteArray();
    }

    @Override
    public void writePage(int page, byte[] data) throws ReaderException {
        checkPage(page);
        if (data.length != 4) {
            throw new IllegalArgumentException("an NTAG page has 4 bytes, not " + data.length);
        }
        byte[] cmd = {(byte) NTAG_WRITE, (byte) page, data[0], data[1], data[2], data[3]};
        expectAck(exchange(cmd, "write page " + page), "WRITE");
    }

    @Override
    public byte[] passwordAuthenticate(byte[] password) throws ReaderException {
        if (password.length != 4) {
            throw new IllegalArgumentException("an NTAG password has 4 bytes, not " + password.length);
        }
        byte[] r = exchange(new byte[] {PWD_AUTH, password[0], password[1], password[2], password[3]}, "PWD_AUTH");
        if (r.length != 2) {
            throw new ReaderException(Failure.AUTHENTICATION, "password refused by " + target.uid()
                    + (r.length == 1 ? String.format(" (NAK %X)", r[0]) : ""));
        }
        return r;
    }

    /**
     * NTAG GET_VERSION: 8 bytes (vendor, type, subtype, major, minor, storage size, protocol); byte 6 tells
     * NTAG213 (0x0F), NTAG215 (0x11) and NTAG216 (0x13) apart. Sent with InCommunicateThru: through
     * InDataExchange the chip would take 0x60 for a MIFARE key A authentication.
     */
    public byte[] getVersion() throws ReaderException {
        if (closed) {
            throw new IllegalStateException("session for " + target.uid() + " is closed");
        }
        try {
            return expectLength(commands.inCommunicateThru(new byte[] {GET_VERSION}, timeout), 8, "GET_VERSION");
        } catch (ReaderException e) {
            failures.accept(e);
            throw new ReaderException(e.failure(), target.uid() + " GET_VERSION: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            halter.haltActive();
            commands.inRelease(target.tg());
        } catch (ReaderException e) {
            log.debug("halting {} failed: {}", target.uid(), e.getMessage());
        }
    }

    private byte[] exchange(byte[] cmd, String what) throws ReaderException {
        if (closed) {
            throw new IllegalStateException("session for " + target.uid() + " is closed");
        }
        try {
            return commands.inDataExchange(target.tg(), cmd, timeout);
        } catch (ReaderException e) {
            failures.accept(e);
            throw new ReaderException(e.failure(), target.uid() + " " + what + ": " + e.getMessage(), e);
        }
    }

    /** Writes answer nothing when the tag ACKs; a single byte is the tag's 4-bit NAK. */
    private void expectAck(byte[] r, String what) throws ReaderException {
        if (r.length == 1 && (r[0] & 0x0F) == 0x0A) {
            return;
        }
        if (r.length != 0) {
            throw new ReaderException(Failure.PROTOCOL, what + " refused by " + target.uid()
                    + (r.length == 1 ? String.format(" (NAK %X)", r[0]) : " (" + r.length + " bytes)"));
        }
    }

    private byte[] expectLength(byte[] r, int length, String what) throws ReaderException {
        if (r.length == length) {
            return r;
        }
        if (r.length == 1) {
            throw new ReaderException(Failure.PROTOCOL, String.format("%s refused by %s (NAK %X)", what,
                    target.uid(), r[0]));
        }
        throw new ReaderException(Failure.PROTOCOL, what + " answered " + r.length + " bytes, expected " + length
                + ": " + Arrays.toString(r));
    }

    private static void checkBlock(int block) {
        if (block < 0 || block > 0xFF) {
            throw new IllegalArgumentException("block out of range: " + block);
        }
    }

    private static void checkPage(int page) {
        if (page < 0 || page > 0xFF) {
            throw new IllegalArgumentException("page out of range: " + page);
        }
    }
}
