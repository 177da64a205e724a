package dev.portal.hardware.sim.rf;

import dev.portal.hardware.iso14443a.CrcA;
import java.util.Arrays;

/** Test helper: builds ISO14443A frames by hand and sends them to a field, with no driver in between. */
public final class RawReader {
    private final RfField field;

    public RawReader(RfField field) {
        this.field = field;
    }

    public Reception wupa() {
        return field.transceive(RfFrame.shortFrame(0x52));
    }

    public Reception reqa() {
        return field.transceive(RfFrame.shortFrame(0x26));
    }

    public Reception send(byte... bytes) {
        return field.transceive(RfFrame.of(bytes));
    }

    public Reception sendWithCrc(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return field.transceive(RfFrame.of(CrcA.append(b)));
    }

    /** SELECT at a cascade level with 5 CLn bytes; returns the reception (SAK + CRC). */
    public Reception select(int sel, byte[] cln) {
        byte[] f = new byte[7];
        f[0] = (byte) sel;
        f[1] = 0x70;
        System.arraycopy(cln, 0, f, 2, 5);
        return field.transceive(RfFrame.of(CrcA.append(f)));
    }

    /** Data bytes of a reception, CRC stripped after checking it. */
    public static byte[] payload(Reception r) {
        byte[] b = r.frame().bytes();
        if (!CrcA.check(b)) {
            throw new AssertionError("bad CRC in " + r);
        }
        return Arrays.copyOf(b, b.length - 2);
    }
}
