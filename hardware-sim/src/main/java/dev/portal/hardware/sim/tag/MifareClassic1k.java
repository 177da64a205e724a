package dev.portal.hardware.sim.tag;

import dev.portal.hardware.sim.rf.RfFrame;
import dev.portal.hardware.reader.MifareKey;
import dev.portal.protocol.id.Uid;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * A MIFARE Classic 1K: 16 sectors of 4 blocks of 16 bytes, 4- or 7-byte UID, SAK 0x08. Block 0 holds the UID
 * (4-byte: UID, BCC, SAK, ATQA; 7-byte: UID, SAK, ATQA) and cannot be written. Sector trailers hold key A, the
 * access bits, a general purpose byte and key B; reads and writes obey the access conditions
 * ({@link ClassicAccess}), key A always reads as zeros, a wrong key makes the tag fall silent.
 * Authentication follows {@link MifareAuthModel}: the key is checked but no Crypto1 cipher is applied.
 * Value-block commands (increment, decrement, restore, transfer) are not modelled: they get a NAK.
 */
public final class MifareClassic1k extends VirtualTag {
    public static final int BLOCKS = 64;
    public static final int BLOCK_SIZE = 16;
    public static final int SIZE = BLOCKS * BLOCK_SIZE;
    private static final int READ = 0x30;
    private static final int WRITE = 0xA0;

    private final byte[][] blocks = new byte[BLOCKS][];
    private final Random nonces;
    private int pendingAuthCommand = -1;
    private int pendingAuthBlock;
    private byte[] pendingNonce;
    private int authSector = -1;
    private MifareKey.Type authKey;
    private int pendingWriteBlock = -1;

    /** A factory-fresh tag: zeroed data blocks, transport trailers (keys FF.., access FF 07 80 69). */
    public MifareClassic1k(Uid uid) {
        this(uid, factoryDump(uid));
    }

    /**
     * A tag with this memory: 1024 bytes in the nfc-mfclassic dump layout (block 0 first, keys in the trailers).
     * Block 0 must start with the UID (and its BCC for a 4-byte UID).
     */
    public MifareClassic1k(Uid uid, byte[] dump) {
        super(uid, uid.length() == 4 ? 0x0004 : 0x0044, 0x08);
        if (uid.length() != 4 && uid.length() != 7) {
            throw new IllegalArgumentException("a MIFARE Classic 1K has a 4- or 7-byte UID, not " + uid.length());
        }
        if (dump.length != SIZE) {
            throw new IllegalArgumentException("a MIFARE Classic 1K dump has 1024 bytes, not " + dump.length);
        }
        byte[] expected = manufacturerPrefix(uid);
        if (!Arrays.equals(Arrays.copyOf(dump, expected.length), expected)) {
            throw new IllegalArgumentException("block 0 of the dump does not hold UID " + uid + " and its BCC");
        }
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = Arrays.copyOfRange(dump, i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE);
        }
        this.nonces = new Random(Arrays.hashCode(uid.bytes()));
    }

    /** The memory as a 1024-byte nfc-mfclassic dump (keys as stored). */
    public synchronized byte[] dump() {
        byte[] out = new byte[SIZE];
        for (int i = 0; i < BLOCKS; i++) {
            System.arraycopy(blocks[i], 0, out, i * BLOCK_SIZE, BLOCK_SIZE);
        }
        return out;
    }

    /** The stored block, as the memory holds it (no access checks); for tests and tools. */
    public synchronized byte[] block(int block) {
        return blocks[block].clone();
    }

    public static byte[] factoryDump(Uid uid) {
        byte[] dump = new byte[SIZE];
        byte[] prefix = manufacturerPrefix(uid);
        System.arraycopy(prefix, 0, dump, 0, prefix.length);
        dump[prefix.length] = 0x08;
        dump[prefix.length + 1] = (byte) (uid.length() == 4 ? 0x04 : 0x44);
        for (int sector = 0; sector < 16; sector++) {
            int t = (sector * 4 + 3) * BLOCK_SIZE;
            Arrays.fill(dump, t, t + 6, (byte) 0xFF);
            System.arraycopy(ClassicAccess.TRANSPORT, 0, dump, t + 6, 3);
            dump[t + 9] = 0x69;
            Arrays.fill(dump, t + 10, t + 16, (byte) 0xFF);
        }
        return dump;
    }

    private static byte[] manufacturerPrefix(Uid uid) {
        byte[] u = uid.bytes();
        if (u.length == 4) {
            return new byte[] {u[0], u[1], u[2], u[3], (byte) Cascade.bcc(u, 0, 4)};
        }
        return u;
    }

    /** The 4 UID bytes used in authentication: the UID itself, or the last 4 of a 7-byte UID. */
    public static byte[] authUid(Uid uid) {
        byte[] u = uid.bytes();
        return Arrays.copyOfRange(u, u.length - 4, u.length);
    }

    @Override
    protected Optional<RfFrame> activeCommand(RfFrame command) {
        if (pendingAuthCommand >= 0) {
            return finishAuthentication(command);
        }
        if (pendingWriteBlock >= 0) {
            return finishWrite(command);
        }
        if (!wellFormed(command, 4)) {
            return nakAndLeave(NAK_CRC);
        }
        int code = command.byteAt(0);
        int block = command.byteAt(1);
        if (block >= BLOCKS) {
            return nakAndLeave(NAK_INVALID);
        }
        return switch (code) {
            case MifareAuthModel.AUTH_KEY_A, MifareAuthModel.AUTH_KEY_B -> startAuthentication(code, block);
            case READ -> read(block);
            case WRITE -> startWrite(block);
            default -> nakAndLeave(NAK_NOT_ALLOWED);
        };
    }

    private Optional<RfFrame> startAuthentication(int code, int block) {
        authSector = -1;
        pendingAuthCommand = code;
        pendingAuthBlock = block;
        pendingNonce = new byte[4];
        nonces.nextBytes(pendingNonce);
        return Optional.of(RfFrame.of(pendingNonce));
    }

    private Optional<RfFrame> finishAuthentication(RfFrame command) {
        int code = pendingAuthCommand;
        pendingAuthCommand = -1;
        int sector = pendingAuthBlock / 4;
        byte[] trailer = blocks[sector * 4 + 3];
        MifareKey.Type type = code == MifareAuthModel.AUTH_KEY_A ? MifareKey.Type.A : MifareKey.Type.B;
        byte[] key = type == MifareKey.Type.A ? Arrays.copyOfRange(trailer, 0, 6) : Arrays.copyOfRange(trailer, 10, 16);
        if (!command.isWholeBytes() || command.byteLength() != 8 || !ClassicAccess.fromTrailer(trailer).valid()) {
            leave();
            return Optional.empty();
        }
        byte[] b = command.bytes();
        byte[] nR = Arrays.copyOfRange(b, 0, 4);
        byte[] aR = Arrays.copyOfRange(b, 4, 8);
        byte[] uid4 = authUid(uid());
        if (!Arrays.equals(aR, MifareAuthModel.readerProof(key, uid4, pendingNonce, nR))) {
            leave();
            return Optional.empty();
        }
        authSector = sector;
        authKey = type;
        enterAuthenticated();
        return Optional.of(RfFrame.of(MifareAuthModel.tagProof(key, uid4, pendingNonce, nR)));
    }

    private Optional<RfFrame> read(int block) {
        if (!isAuthenticated() || block / 4 != authSector) {
            return nakAndLeave(NAK_NOT_ALLOWED);
        }
        ClassicAccess access = ClassicAccess.fromTrailer(blocks[authSector * 4 + 3]);
        if (block % 4 == 3) {
            return withCrc(maskedTrailer(access));
        }
        if (!access.canRead(block % 4, authKey)) {
            return nakAndLeave(NAK_NOT_ALLOWED);
        }
        return withCrc(blocks[block].clone());
    }

    private byte[] maskedTrailer(ClassicAccess access) {
        byte[] t = blocks[authSector * 4 + 3].clone();
        Arrays.fill(t, 0, 6, (byte) 0);
        if (!access.canReadAccessBits(authKey)) {
            Arrays.fill(t, 6, 10, (byte) 0);
        }
        if (!access.canReadKeyB(authKey)) {
            Arrays.fill(t, 10, 16, (byte) 0);
        }
        return t;
    }

    private Optional<RfFrame> startWrite(int block) {
        if (!isAuthenticated() || block / 4 != authSector || block == 0) {
            return nakAndLeave(NAK_NOT_ALLOWED);
        }
        ClassicAccess access = ClassicAccess.fromTrailer(blocks[authSector * 4 + 3]);
        boolean allowed = block % 4 == 3
                ? access.canWriteKeyA(authKey) || access.canWriteAccessBits(authKey) || access.canWriteKeyB(authKey)
                : access.canWrite(block % 4, authKey);
        if (!allowed) {
            return nakAndLeave(NAK_NOT_ALLOWED);
        }
        pendingWriteBlock = block;
        return Optional.of(ack());
    }

    private Optional<RfFrame> finishWrite(RfFrame command) {
        int block = pendingWriteBlock;
        pendingWriteBlock = -1;
        if (!wellFormed(command, BLOCK_SIZE + 2)) {
            return nakAndLeave(NAK_CRC);
        }
        byte[] data = Arrays.copyOf(command.bytes(), BLOCK_SIZE);
        if (block % 4 != 3) {
            blocks[block] = data;
            return Optional.of(ack());
        }
        // A trailer is written part by part: only the parts the key may change are taken.
        byte[] trailer = blocks[block];
        ClassicAccess access = ClassicAccess.fromTrailer(trailer);
        if (access.canWriteKeyA(authKey)) {
            System.arraycopy(data, 0, trailer, 0, 6);
        }
        if (access.canWriteAccessBits(authKey)) {
            System.arraycopy(data, 6, trailer, 6, 4);
        }
        if (access.canWriteKeyB(authKey)) {
            System.arraycopy(data, 10, trailer, 10, 6);
        }
        return Optional.of(ack());
    }

    @Override
    protected void onDeselect() {
        pendingAuthCommand = -1;
        pendingWriteBlock = -1;
        authSector = -1;
        authKey = null;
    }

    /** A MIFARE Classic needs more field than an NTAG21x to run its Crypto1 unit. */
    @Override
    public double minimumFieldDb() {
        return -23;
    }
}
