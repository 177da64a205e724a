package dev.portal.protocol.frame;

import dev.portal.protocol.frame.FrameException.Reason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Birth body: device id (text8), firmware version (text8), capabilities u32, config version u32, pad count u8
 * and pad entries, calibration count u8 and calibration entries. Each entry starts with its own u8 length so
 * that entries can grow in a later minor version; a decoder skips the entry bytes it does not know.
 */
final class BirthBody {
    private BirthBody() {
    }

    static void write(Birth b, WireWriter w) {
        w.text8(b.deviceId()).text8(b.firmwareVersion());
        long caps = 0;
        for (Capability c : b.capabilities()) {
            caps |= 1L << c.code();
        }
        w.u32(caps).u32(b.configVersion());
        w.u8(b.pads().size());
        for (PadInfo p : b.pads()) {
            int start = w.size();
            w.u8(0).u8(p.pad()).u8(p.slots()).text8(p.reader());
            patchEntryLength(w, start);
        }
        w.u8(b.calibration().pads().size());
        for (PadCalibration c : b.calibration().pads()) {
            w.u8(3).u8(c.pad()).u8(c.antennaGainDb()).u8(c.removalMissThreshold());
        }
    }

    private static void patchEntryLength(WireWriter w, int start) {
        // A pad entry is at most 3 + 255 bytes: pad, slots, reader length, reader; 255 caps the reader text.
        int length = w.size() - start - 1;
        if (length > 255) {
            throw new IllegalArgumentException("pad entry of " + length + " bytes exceeds 255");
        }
        w.array()[start] = (byte) length;
    }

    static Birth read(WireReader r) throws FrameException {
        String deviceId = r.text8(Limits.MAX_DEVICE_ID, "device id");
        String firmware = r.text8(Limits.MAX_SHORT_TEXT, "firmware version");
        long caps = r.u32("capabilities");
        long configVersion = r.u32("config version");
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) {
            if ((caps & (1L << c.code())) != 0) {
                capabilities.add(c);
            }
        }
        int padCount = count(r, "pad count");
        List<PadInfo> pads = new ArrayList<>(padCount);
        for (int i = 0; i < padCount; i++) {
            WireReader e = entry(r, "pad entry");
            pads.add(new PadInfo(e.u8("pad"), e.u8("slots"), e.text8(Limits.MAX_SHORT_TEXT, "reader")));
        }
        int calCount = count(r, "calibration count");
        List<PadCalibration> cal = new ArrayList<>(calCount);
        for (int i = 0; i < calCount; i++) {
            WireReader e = entry(r, "calibration entry");
            cal.add(new PadCalibration(e.u8("pad"), e.u8("antenna gain"), e.u8("removal miss threshold")));
        }
        return new Birth(deviceId, firmware, capabilities, pads, new Calibration(cal), configVersion);
    }

    private static int count(WireReader r, String field) throws FrameException {
        int n = r.u8(field);
        if (n > Limits.MAX_PADS) {
            throw new FrameException(Reason.TOO_LONG, field + " " + n + " exceeds " + Limits.MAX_PADS);
        }
        return n;
    }

    /** The entry's bytes as their own reader: fields past what this version knows stay unread. */
    private static WireReader entry(WireReader r, String field) throws FrameException {
        byte[] bytes = r.bytes8(0, 255, field);
        return new WireReader(bytes, 0, bytes.length);
    }
}
