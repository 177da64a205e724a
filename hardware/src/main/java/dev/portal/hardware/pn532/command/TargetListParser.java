package dev.portal.hardware.pn532.command;

import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.protocol.id.Uid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the InListPassiveTarget answer for BrTy 00: NbTg, then per target Tg, SENS_RES (ATQA, 2 bytes),
 * SEL_RES (SAK), NFCIDLength, NFCID1, and the ATS (its first byte is its length) when SAK bit 0x20 says the
 * target speaks ISO14443-4.
 */
public final class TargetListParser {
    private TargetListParser() {
    }

    public static List<ListedTarget> parse106A(byte[] data) throws ReaderException {
        if (data.length < 1) {
            throw bad("empty answer");
        }
        int count = data[0] & 0xFF;
        if (count > 2) {
            throw bad("NbTg " + count + " (at most 2)");
        }
        List<ListedTarget> targets = new ArrayList<>(count);
        int p = 1;
        for (int i = 0; i < count; i++) {
            if (p + 5 > data.length) {
                throw bad("target " + (i + 1) + " truncated");
            }
            int tg = data[p] & 0xFF;
            int atqa = (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF);
            int sak = data[p + 3] & 0xFF;
            int uidLength = data[p + 4] & 0xFF;
            p += 5;
            if (uidLength != 4 && uidLength != 7 && uidLength != 10 || p + uidLength > data.length) {
                throw bad("UID length " + uidLength);
            }
            Uid uid = Uid.of(Arrays.copyOfRange(data, p, p + uidLength));
            p += uidLength;
            byte[] ats = new byte[0];
            if ((sak & 0x20) != 0 && p < data.length) {
                int atsLength = data[p] & 0xFF;
                if (atsLength == 0 || p + atsLength > data.length) {
                    throw bad("ATS length " + atsLength);
                }
                ats = Arrays.copyOfRange(data, p, p + atsLength);
                p += atsLength;
            }
            targets.add(new ListedTarget(tg, atqa, sak, uid, ats));
        }
        return targets;
    }

    private static ReaderException bad(String what) {
        return new ReaderException(Failure.PROTOCOL, "InListPassiveTarget answer: " + what);
    }
}
