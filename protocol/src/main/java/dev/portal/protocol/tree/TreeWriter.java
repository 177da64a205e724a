package dev.portal.protocol.tree;

import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandBody;
import dev.portal.protocol.frame.CommandKind;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ConfigReport;
import dev.portal.protocol.frame.ConfigSet;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Hex;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.PresentToken;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.Reboot;
import dev.portal.protocol.frame.SetLed;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.UnknownCommand;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.id.Uid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Frame to tree; see {@link FrameTree} for the conventions. */
final class TreeWriter {
    private TreeWriter() {
    }

    static Map<String, Object> frame(Frame f) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("header", header(f.header()));
        tree.put("type", name(f.type()));
        tree.put("body", body(f.message()));
        return tree;
    }

    static Object num(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String rgb(int rgb) {
        return String.format("%06x", rgb);
    }

    private static Map<String, Object> header(Header h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", h.major() + "." + h.minor());
        m.put("bootId", num(h.bootId()));
        m.put("sequence", num(h.sequence()));
        m.put("timestampMillis", num(h.timestampMillis()));
        m.put("clockSynced", h.clockSynced());
        m.put("flags", h.flags());
        return m;
    }

    private static Map<String, Object> body(Message message) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (message) {
            case TagPlaced t -> {
                tag(m, t.pad(), t.slot(), t.uid());
                m.put("tagType", name(t.tagType()));
            }
            case TagRemoved t -> {
                tag(m, t.pad(), t.slot(), t.uid());
                m.put("presentMillis", num(t.presentMillis()));
            }
            case ToyAreas t -> {
                tag(m, t.pad(), t.slot(), t.uid());
                m.put("tagType", name(t.tagType()));
                t.areaA().ifPresent(a -> m.put("areaA", a.hex()));
                t.areaB().ifPresent(b -> m.put("areaB", b.hex()));
            }
            case ToyRead t -> {
                tag(m, t.pad(), t.slot(), t.uid());
                m.put("verdict", name(t.verdict()));
                t.record().ifPresent(r -> m.put("record", ToyTree.toTree(r)));
                t.foreign().ifPresent(f -> m.put("foreign", ForeignTree.toTree(f)));
            }
            case Birth b -> birth(b, m);
            case Heartbeat h -> counters(h.counters(), m);
            case Command c -> {
                m.put("correlationId", num(c.correlationId()));
                command(c.body(), m);
            }
            case CommandResult r -> {
                m.put("correlationId", num(r.correlationId()));
                m.put("status", name(r.status()));
                m.put("detail", r.detail());
            }
            case CommandReport r -> {
                m.put("correlationId", num(r.correlationId()));
                m.put("kind", name(r.report().kind()));
                report(r, m);
            }
        }
        return m;
    }

    private static void report(CommandReport r, Map<String, Object> m) {
        switch (r.report()) {
            case CalibrationReport c -> {
                m.put("pad", c.pad());
                List<Object> sweep = new ArrayList<>();
                for (CalibrationReport.GainRate g : c.sweep()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("antennaGainDb", g.antennaGainDb());
                    e.put("successPercent", g.successPercent());
                    sweep.add(e);
                }
                m.put("sweep", sweep);
                c.applied().ifPresent(a -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("antennaGainDb", a.antennaGainDb());
                    e.put("removalMissThreshold", a.removalMissThreshold());
                    m.put("applied", e);
                });
            }
            case ConfigReport c -> {
                m.put("version", num(c.version()));
                m.put("entries", new LinkedHashMap<>(c.entries()));
            }
        }
    }

    private static void tag(Map<String, Object> m, int pad, int slot, Uid uid) {
        m.put("pad", pad);
        m.put("slot", slot);
        m.put("uid", Hex.format(uid.bytes()));
    }

    private static void birth(Birth b, Map<String, Object> m) {
        m.put("deviceId", b.deviceId());
        m.put("firmwareVersion", b.firmwareVersion());
        List<String> caps = new ArrayList<>();
        for (Capability c : Capability.values()) {
            if (b.capabilities().contains(c)) {
                caps.add(name(c));
            }
        }
        m.put("capabilities", caps);
        List<Object> pads = new ArrayList<>();
        for (PadInfo p : b.pads()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("pad", p.pad());
            e.put("slots", p.slots());
            e.put("reader", p.reader());
            pads.add(e);
        }
        m.put("pads", pads);
        List<Object> cal = new ArrayList<>();
        for (PadCalibration c : b.calibration().pads()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("pad", c.pad());
            e.put("antennaGainDb", c.antennaGainDb());
            e.put("removalMissThreshold", c.removalMissThreshold());
            cal.add(e);
        }
        m.put("calibration", cal);
        m.put("configVersion", num(b.configVersion()));
    }

    private static void counters(HealthCounters c, Map<String, Object> m) {
        c.figures().forEach((name, value) -> m.put(name, num(value)));
    }

    private static void command(CommandBody body, Map<String, Object> m) {
        CommandKind kind = CommandKind.fromCode(body.kindCode());
        m.put("kind", kind == null ? "unknown" : name(kind));
        switch (body) {
            case SetLed s -> {
                m.put("pad", s.pad());
                m.put("rgb", rgb(s.rgb()));
                m.put("mode", name(s.mode()));
                m.put("durationMillis", num(s.durationMillis()));
            }
            case WriteToy w -> {
                tag(m, w.pad(), w.slot(), w.uid());
                m.put("record", ToyTree.toTree(w.record()));
            }
            case WriteArea w -> {
                tag(m, w.pad(), w.slot(), w.uid());
                m.put("target", name(w.target()));
                m.put("expectedDigest", String.format("%016x", w.expectedDigest()));
                m.put("clearFirst", w.clearFirst());
                m.put("image", w.image().hex());
            }
            case ShowVerdict v -> {
                tag(m, v.pad(), v.slot(), v.uid());
                m.put("verdict", name(v.verdict()));
            }
            case Calibrate c -> {
                m.put("pad", c.pad());
                m.put("antennaGainDb", c.antennaGainDb());
                m.put("removalMissThreshold", c.removalMissThreshold());
            }
            case ConfigSet c -> {
                m.put("desiredVersion", num(c.desiredVersion()));
                m.put("entries", new LinkedHashMap<>(c.entries()));
            }
            case FirmwareChunk f -> {
                m.put("jobId", num(f.jobId()));
                m.put("index", num(f.index()));
                m.put("total", num(f.total()));
                m.put("imageSha256", Hex.format(f.imageSha256()));
                m.put("data", Hex.format(f.data()));
            }
            case Rebirth r -> { }
            case Reboot r -> { }
            case PresentToken t -> m.put("token", t.token());
            case ResendFrames f -> {
                m.put("bootId", num(f.bootId()));
                m.put("fromSeq", num(f.fromSeq()));
                m.put("toSeq", num(f.toSeq()));
            }
            case UnknownCommand u -> {
                m.put("code", u.kind());
                m.put("payload", Hex.format(u.payload()));
            }
        }
    }
}
