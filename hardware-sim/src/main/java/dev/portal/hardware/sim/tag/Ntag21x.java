package dev.portal.hardware.sim.tag;

import dev.portal.hardware.sim.rf.RfFrame;
import dev.portal.hardware.reader.Uid;
import java.util.Arrays;
import java.util.Optional;

/**
 * An NTAG213/215/216: 4-byte pages, 7-byte UID in pages 0..2 with BCC0/BCC1, SAK 0x00, ATQA 0x0044.
 * Commands: READ (4 pages, rolling over to page 0 at the end of what may be read), FAST_READ, WRITE (lock bits
 * honoured, lock and OTP bytes only ever OR-ed), GET_VERSION, PWD_AUTH. The configuration pages work as on the
 * chip: AUTH0 is the first protected page, ACCESS.PROT extends protection to reads, ACCESS.CFGLCK freezes
 * CFG0/CFG1, ACCESS.AUTHLIM limits failed password attempts; PWD and PACK always read as zeros.
 * Counters, originality signature and the UID mirror are not modelled (READ_CNT and READ_SIG get a NAK).
 */
public final class Ntag21x extends VirtualTag {
    private static final int GET_VERSION = 0x60;
    private static final int READ = 0x30;
    private static final int FAST_READ = 0x3A;
    private static final int WRITE = 0xA2;
    private static final int PWD_AUTH = 0x1B;

    private final NtagType type;
    private final byte[] memory;
    private int failedPasswords;

    /** A factory-fresh tag: empty NDEF TLV, no locks, AUTH0 0xFF (no protection), password FF FF FF FF. */
    public Ntag21x(NtagType type, Uid uid) {
        this(type, uid, factoryPages(type, uid));
    }

    /** A tag with this memory: every page, 4 bytes each, in page order; pages 0..2 must hold the UID and BCCs. */
    public Ntag21x(NtagType type, Uid uid, byte[] pages) {
        super(uid, 0x0044, 0x00);
        requireSevenBytes(uid);
        if (pages.length != type.pages() * 4) {
            throw new IllegalArgumentException(type + " memory has " + type.pages() * 4 + " bytes, not " + pages.length);
        }
        byte[] head = uidPages(uid);
        if (!Arrays.equals(Arrays.copyOf(pages, 9), head)) {
            throw new IllegalArgumentException("pages 0..2 do not hold UID " + uid + " with its BCC bytes");
        }
        this.type = type;
        this.memory = pages.clone();
    }

    public NtagType type() {
        return type;
    }

    /** Every page, as stored (PWD and PACK included). */
    public synchronized byte[] dump() {
        return memory.clone();
    }

    public static byte[] factoryPages(NtagType type, Uid uid) {
        requireSevenBytes(uid);
        byte[] m = new byte[type.pages() * 4];
        System.arraycopy(uidPages(uid), 0, m, 0, 9);
        m[9] = 0x48;
        m[12] = (byte) 0xE1;
        m[13] = 0x10;
        m[14] = (byte) type.ccSize();
        m[16] = 0x03;
        m[18] = (byte) 0xFE;
        m[type.dynamicLockPage() * 4 + 3] = (byte) 0xBD;
        int cfg0 = type.cfg0Page() * 4;
        m[cfg0] = 0x04;
        m[cfg0 + 3] = (byte) 0xFF;
        m[type.cfg1Page() * 4 + 1] = 0x05;
        Arrays.fill(m, type.pwdPage() * 4, type.pwdPage() * 4 + 4, (byte) 0xFF);
        return m;
    }

    private static void requireSevenBytes(Uid uid) {
        if (uid.length() != 7) {
            throw new IllegalArgumentException("an NTAG has a 7-byte UID, not " + uid.length());
        }
    }

    private static byte[] uidPages(Uid uid) {
        byte[] u = uid.bytes();
        return new byte[] {u[0], u[1], u[2], (byte) (Cascade.CASCADE_TAG ^ u[0] ^ u[1] ^ u[2]),
            u[3], u[4], u[5], u[6], (byte) Cascade.bcc(u, 3, 4)};
    }

    @Override
    protected Optional<RfFrame> activeCommand(RfFrame command) {
        if (!command.isWholeBytes() || command.byteLength() < 3) {
            return nakAndLeave(NAK_INVALID);
        }
        int code = command.byteAt(0);
        int length = switch (code) {
            case GET_VERSION -> 3;
            case READ -> 4;
            case FAST_READ -> 5;
            case PWD_AUTH -> 7;
            case WRITE -> 8;
            default -> -1;
        };
        if (length < 0 || command.byteLength() != length) {
            return nakAndLeave(NAK_INVALID);
        }
        if (!wellFormed(command, length)) {
            return nakAndLeave(NAK_CRC);
        }
        byte[] b = command.bytes();
        return switch (code) {
            case GET_VERSION -> withCrc(type.version());
            case READ -> read(b[1] & 0xFF);
            case FAST_READ -> fastRead(b[1] & 0xFF, b[2] & 0xFF);
            case WRITE -> write(b[1] & 0xFF, Arrays.copyOfRange(b, 2, 6));
            default -> passwordAuth(Arrays.copyOfRange(b, 1, 5));
        };
    }

    private int auth0() {
        return memory[type.cfg0Page() * 4 + 3] & 0xFF;
    }

    private int access() {
        return memory[type.cfg1Page() * 4] & 0xFF;
    }

    /** Pages 0..limit-1 may be read now: everything, or up to AUTH0 when reads are protected and no password. */
    private int readLimit() {
        boolean readProtected = (access() & 0x80) != 0;
        return readProtected && !isAuthenticated() ? Math.min(auth0(), type.pages()) : type.pages();
    }

    private Optional<RfFrame> read(int page) {
        int limit = readLimit();
        if (page >= limit) {
            return nakAndLeave(NAK_INVALID);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 4; i++) {
            copyPage((page + i) % limit, out, i * 4);
        }
        return withCrc(out);
    }

    private Optional<RfFrame> fastRead(int start, int end) {
        if (start > end || end >= readLimit()) {
            return nakAndLeave(NAK_INVALID);
        }
        byte[] out = new byte[(end - start + 1) * 4];
        for (int p = start; p <= end; p++) {
            copyPage(p, out, (p - start) * 4);
        }
        return withCrc(out);
    }

    private void copyPage(int page, byte[] out, int offset) {
        if (page == type.pwdPage() || page == type.packPage()) {
            return; // read as zeros
        }
        System.arraycopy(memory, page * 4, out, offset, 4);
    }

    private Optional<RfFrame> write(int page, byte[] data) {
        if (page < 2 || page >= type.pages()) {
            return nakAndLeave(NAK_INVALID);
        }
        if (page >= auth0() && !isAuthenticated()) {
            return nakAndLeave(NAK_NOT_ALLOWED);
        }
        if (NtagLocks.pageLocked(type, memory, page)) {
            return nakAndLeave(NAK_NOT_ALLOWED);
        }
        boolean cfgLocked = (access() & 0x40) != 0;
        if (cfgLocked && (page == type.cfg0Page() || page == type.cfg1Page())) {
            return nakAndLeave(NAK_NOT_ALLOWED);
        }
        int at = page * 4;
        if (page == 2) {
            int[] locks = NtagLocks.mergeStatic(memory[10] & 0xFF, memory[11] & 0xFF, data[2] & 0xFF, data[3] & 0xFF);
            memory[10] = (byte) locks[0];
            memory[11] = (byte) locks[1];
        } else if (page == 3 || page == type.dynamicLockPage()) {
            int orBytes = page == 3 ? 4 : 3; // OTP / lock bits only ever set; byte 3 of the lock page is RFUI
            for (int i = 0; i < orBytes; i++) {
                memory[at + i] |= data[i];
            }
        } else {
            System.arraycopy(data, 0, memory, at, 4);
        }
        return Optional.of(ack());
    }

    private Optional<RfFrame> passwordAuth(byte[] password) {
        int authLimit = access() & 0x07;
        if (authLimit > 0 && failedPasswords >= authLimit) {
            return nakAndLeave(NAK_NOT_ALLOWED);
        }
        byte[] pwd = Arrays.copyOfRange(memory, type.pwdPage() * 4, type.pwdPage() * 4 + 4);
        if (!Arrays.equals(pwd, password)) {
            failedPasswords++;
            return nakAndLeave(NAK_INVALID);
        }
        failedPasswords = 0;
        enterAuthenticated();
        return withCrc(Arrays.copyOfRange(memory, type.packPage() * 4, type.packPage() * 4 + 2));
    }
}
