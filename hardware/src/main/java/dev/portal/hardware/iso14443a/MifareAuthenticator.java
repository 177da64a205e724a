package dev.portal.hardware.iso14443a;

import dev.portal.hardware.reader.ReaderException;

/** A reader chip's MIFARE Classic authentication (Crypto1 runs in the chip, not on the host). */
public interface MifareAuthenticator {

    /** 0x60 key A / 0x61 key B; fails with AUTHENTICATION when the tag refuses the key. */
    void authenticate(int command, int block, byte[] key, byte[] uid4) throws ReaderException;

    /** Ends the Crypto1 session. */
    void stopCrypto1() throws ReaderException;
}
