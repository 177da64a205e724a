package dev.portal.hardware.iso14443a;

import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.protocol.id.Uid;
import java.util.Arrays;

/** MIFARE Classic commands for a selected tag: authentication through the chip, READ, two-phase WRITE. */
public final class MifareClassicCommands {
    public static final int BLOCK_SIZE = 16;
    private static final int READ = 0x30;
    private static final int WRITE = 0xA0;

    private final TagFrames frames;
    private final MifareAuthenticator authenticator;

    public MifareClassicCommands(PcdTransceiver pcd, MifareAuthenticator authenticator) {
        this.frames = new TagFrames(pcd);
        this.authenticator = authenticator;
    }

    public void authenticate(Uid uid, int block, MifareKey key) throws ReaderException {
        checkBlock(block);
        byte[] u = uid.bytes();
        byte[] uid4 = Arrays.copyOfRange(u, u.length - 4, u.length);
        authenticator.authenticate(key.type() == MifareKey.Type.A ? 0x60 : 0x61, block, key.bytes(), uid4);
    }

    public byte[] read(int block) throws ReaderException {
        checkBlock(block);
        return frames.exchange(new byte[] {READ, (byte) block}, BLOCK_SIZE, "READ block " + block);
    }

    public void write(int block, byte[] data) throws ReaderException {
        checkBlock(block);
        if (data.length != BLOCK_SIZE) {
            throw new IllegalArgumentException("a block has 16 bytes, not " + data.length);
        }
        frames.expectAck(new byte[] {(byte) WRITE, (byte) block}, "WRITE block " + block);
        frames.expectAck(data, "WRITE data of block " + block);
    }

    private static void checkBlock(int block) {
        if (block < 0 || block > 255) {
            throw new IllegalArgumentException("block must be 0..255, not " + block);
        }
    }
}
