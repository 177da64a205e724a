package dev.portal.hardware.reader;

/**
 * A selected tag. Commands of the wrong family are sent as asked and fail as the tag answers (usually a NAK,
 * reported as {@link ReaderException.Failure#PROTOCOL}). Closing halts the tag (HLTA) and ends any MIFARE
 * Crypto1 session.
 */
public interface TagSession extends AutoCloseable {

    TagInfo tag();

    // --- MIFARE Classic ---

    /** Authenticates the sector holding {@code block}; a wrong key fails with AUTHENTICATION. */
    void authenticate(int block, MifareKey key) throws ReaderException;

    /** Reads one 16-byte block (the sector must be authenticated). */
    byte[] readBlock(int block) throws ReaderException;

    /** Writes one 16-byte block (the sector must be authenticated). */
    void writeBlock(int block, byte[] data) throws ReaderException;

    // --- NTAG21x ---

    /** READ: the 4 pages (16 bytes) from {@code page}, wrapping as the tag does. */
    byte[] readPages(int page) throws ReaderException;

    /** FAST_READ: pages {@code startPage..endPage} inclusive, 4 bytes each. */
    byte[] fastRead(int startPage, int endPage) throws ReaderException;

    /** WRITE one 4-byte page. */
    void writePage(int page, byte[] data) throws ReaderException;

    /** PWD_AUTH with a 4-byte password; returns the 2-byte PACK the tag answers. */
    byte[] passwordAuthenticate(byte[] password) throws ReaderException;

    /** Halts the tag; further calls on this session fail. Never throws. */
    @Override
    void close();
}
