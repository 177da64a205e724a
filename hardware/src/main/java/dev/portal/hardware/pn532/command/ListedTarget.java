package dev.portal.hardware.pn532.command;

import dev.portal.hardware.reader.TagInfo;
import dev.portal.protocol.id.Uid;
import java.util.Arrays;

/** One 106 kbit/s type A target as InListPassiveTarget reports it: logical number Tg, ATQA, SAK, UID, ATS. */
public record ListedTarget(int tg, int atqa, int sak, Uid uid, byte[] ats) {
    public ListedTarget {
        ats = ats.clone();
    }

    public TagInfo tagInfo() {
        return TagInfo.of(uid, atqa, sak);
    }

    @Override
    public byte[] ats() {
        return ats.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListedTarget t && t.tg == tg && t.atqa == atqa && t.sak == sak && t.uid.equals(uid)
                && Arrays.equals(t.ats, ats);
    }

    @Override
    public int hashCode() {
        return uid.hashCode() * 31 + tg;
    }
}
