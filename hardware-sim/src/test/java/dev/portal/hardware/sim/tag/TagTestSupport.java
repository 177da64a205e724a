package dev.portal.hardware.sim.tag;

import dev.portal.hardware.sim.rf.RfFrame;
import dev.portal.hardware.sim.rf.RawReader;
import dev.portal.hardware.sim.rf.Reception;
import dev.portal.hardware.sim.rf.RfField;

/** Activates one tag in a field by hand (WUPA + SELECT at every cascade level). */
final class TagTestSupport {
    private TagTestSupport() {
    }

    static RawReader activate(RfField field, VirtualTag tag) {
        RawReader reader = new RawReader(field);
        // An ACTIVE tag drops back silently on WUPA (ISO14443-3); the second WUPA wakes it.
        if (reader.wupa().isSilent() && reader.wupa().isSilent()) {
            throw new AssertionError("no ATQA");
        }
        for (int level = 0; level < Cascade.levels(tag.uid()); level++) {
            Reception sak = reader.select(Cascade.SEL[level], Cascade.levelBytes(tag.uid(), level));
            if (sak.isSilent()) {
                throw new AssertionError("no SAK at level " + (level + 1));
            }
        }
        return reader;
    }

    static int nibble(Reception r) {
        if (r.frame().bitCount() != 4) {
            throw new AssertionError("expected a 4-bit ACK/NAK, got " + r.frame());
        }
        return r.frame().byteAt(0);
    }

    static RfFrame frame(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return RfFrame.of(b);
    }
}
