package dev.portal.hardware.mfrc522;

import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tag selected through an {@link Mfrc522Reader}. After a failed command the tag has left the ACTIVE state
 * (tags drop out on a NAK or a refused key), so the next command selects it again first. When a command gets
 * no answer, the session checks whether the tag is still there: if not, the failure is NO_TAG. A MIFARE
 * Classic sector must be authenticated again after any failure, as the new selection ends the Crypto1 session.
 */
final class Mfrc522Session implements TagSession {
    private static final Logger log = LoggerFactory.getLogger(Mfrc522Session.class);

    private final Mfrc522Reader reader;
    private final TagInfo tag;
    private boolean needsReselect;
    private boolean closed;

    Mfrc522Session(Mfrc522Reader reader, TagInfo tag) {
        this.reader = reader;
        this.tag = tag;
    }

    @FunctionalInterface
    private interface Command<T> {
        T run() throws ReaderException;
    }

    @Override
    public TagInfo tag() {
        return tag;
    }

    @Override
    public void authenticate(int block, MifareKey key) throws ReaderException {
        run(() -> {
            reader.classic().authenticate(tag.uid(), block, key);
            return null;
        });
    }

    @Override
    public byte[] readBlock(int block) throws ReaderException {
        return run(() -> reader.classic().read(block));
    }

    @Override
    public void writeBlock(int block, byte[] data) throws ReaderException {
        run(() -> {
            reader.classic().write(block, data);
            return null;
        });
    }

    @Override
    public byte[] readPages(int page) throws ReaderException {
        return run(() -> reader.ntag().read(page));
    }

    @Override
    public byte[] fastRead(int startPage, int endPage) throws ReaderException {
        return run(() -> reader.ntag().fastRead(startPage, endPage));
    }

    @Override
    public void writePage(int page, byte[] data) throws ReaderException {
        run(() -> {
            reader.ntag().write(page, data);
            return null;
        });
    }

    @Override
    public byte[] passwordAuthenticate(byte[] password) throws ReaderException {
        return run(() -> reader.ntag().passwordAuthenticate(password));
    }

    private <T> T run(Command<T> command) throws ReaderException {
        if (closed) {
            throw new IllegalStateException("session for " + tag.uid() + " is closed");
        }
        if (needsReselect) {
            reader.endCrypto1();
            reader.activate(tag.uid());
            needsReselect = false;
        }
        reader.prepareCommand();
        long stallsBefore = reader.stallCount();
        try {
            return command.run();
        } catch (ReaderException e) {
            needsReselect = true;
            boolean tagSilent = e.failure() == Failure.TIMEOUT && reader.stallCount() == stallsBefore;
            if (tagSilent && !stillPresent()) {
                throw new ReaderException(Failure.NO_TAG, "tag " + tag.uid() + " left the field", e);
            }
            throw e;
        }
    }

    private boolean stillPresent() {
        try {
            reader.endCrypto1();
            reader.activate(tag.uid());
            needsReselect = false;
            return true;
        } catch (ReaderException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            reader.haltAfterSession();
        } catch (ReaderException e) {
            log.debug("halting {} failed: {}", tag.uid(), e.getMessage());
        }
    }
}
