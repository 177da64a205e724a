package dev.portal.protocol.tree;

import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandBody;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ConfigReport;
import dev.portal.protocol.frame.ConfigSet;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.LedMode;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.MessageType;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.Report;
import dev.portal.protocol.frame.ReportKind;
import dev.portal.protocol.frame.PresentToken;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.Reboot;
import dev.portal.protocol.frame.SetLed;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.frame.UnknownCommand;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tree to frame; see {@link FrameTree}. Range checks are the records' own. */
final class TreeReader {
    private static final Pattern VERSION = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})");

    private TreeReader() {
    }

    static Frame frame(Node root) {
        Header header = header(root.object("header"));
        MessageType type = root.enumeration("type", MessageType.class);
        Node body = root.object("body");
        Message message = switch (type) {
            case TAG_PLACED -> new TagPlaced(body.integer("pad"), body.integer("slot"), uid(body),
                    body.enumeration("tagType", TagType.class));
            case TAG_REMOVED -> new TagRemoved(body.integer("pad"), body.integer("slot"), uid(body),
                    body.u48("presentMillis"));
            case TOY_READ -> toyRead(body);
            case TOY_AREAS -> new ToyAreas(body.integer("pad"), body.integer("slot"), uid(body),
                    body.enumeration("tagType", TagType.class), area(body, "areaA"), area(body, "areaB"));
            case BIRTH -> birth(body);
            case HEARTBEAT -> new Heartbeat(new HealthCounters(body.u32("uptimeSeconds"),
                    body.u32("pollsPerSecondX100"), body.u32("readErrors"), body.u32("readerResets"),
                    body.u32("corruptTags"), body.u32("rejectedCommands"), body.u32("outboxDepth"),
                    body.u32("outboxDropped"), body.u32("brokerReconnects"), body.u32("tagsPresent")));
            case COMMAND -> new Command(body.u32("correlationId"), command(body));
            case COMMAND_RESULT -> new CommandResult(body.u32("correlationId"),
                    body.enumeration("status", Status.class), body.text("detail"));
            case COMMAND_REPORT -> new CommandReport(body.u32("correlationId"), report(body));
        };
        body.done();
        root.done();
        return new Frame(header, message);
    }

    private static Header header(Node h) {
        String v = h.text("version");
        Matcher m = VERSION.matcher(v);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 15 || Integer.parseInt(m.group(2)) > 15) {
            throw new IllegalArgumentException(h.path("version") + ": expected MAJOR.MINOR (0..15 each), got \"" + v + "\"");
        }
        int version = Integer.parseInt(m.group(1)) << 4 | Integer.parseInt(m.group(2));
        Header header = new Header(version, h.u32("bootId"), h.u32("sequence"), h.u48("timestampMillis"),
                h.bool("clockSynced"), h.has("flags") ? h.integer("flags") : 0);
        h.done();
        return header;
    }

    /** An area as hex, absent when the portal could not read it. */
    private static Optional<AreaBytes> area(Node b, String name) {
        return b.has(name) ? Optional.of(AreaBytes.of(b.hex(name))) : Optional.empty();
    }

    private static ToyRead toyRead(Node b) {
        ToyVerdict verdict = b.enumeration("verdict", ToyVerdict.class);
        Optional<ToyRecord> record = b.has("record") ? Optional.of(ToyTree.fromTree(b.object("record"))) : Optional.empty();
        Optional<ForeignReading> foreign = b.has("foreign")
                ? Optional.of(ForeignTree.fromTree(b.object("foreign"))) : Optional.empty();
        return new ToyRead(b.integer("pad"), b.integer("slot"), uid(b), verdict, record, foreign);
    }

    private static Birth birth(Node b) {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        List<?> names = b.list("capabilities");
        for (int i = 0; i < names.size(); i++) {
            Node holder = new Node(Map.of("capability", String.valueOf(names.get(i))), b.path("capabilities") + "[" + i + "]");
            if (!(names.get(i) instanceof String)) {
                throw new IllegalArgumentException(b.path("capabilities") + "[" + i + "]: expected a name, got " + names.get(i));
            }
            caps.add(holder.enumeration("capability", Capability.class));
        }
        List<PadInfo> pads = new ArrayList<>();
        List<?> padList = b.list("pads");
        for (int i = 0; i < padList.size(); i++) {
            Node p = b.element("pads", i, padList.get(i));
            pads.add(new PadInfo(p.integer("pad"), p.integer("slots"), p.text("reader")));
            p.done();
        }
        List<PadCalibration> cal = new ArrayList<>();
        List<?> calList = b.list("calibration");
        for (int i = 0; i < calList.size(); i++) {
            Node c = b.element("calibration", i, calList.get(i));
            cal.add(new PadCalibration(c.integer("pad"), c.integer("antennaGainDb"), c.integer("removalMissThreshold")));
            c.done();
        }
        return new Birth(b.text("deviceId"), b.text("firmwareVersion"), caps, pads, new Calibration(cal),
                b.u32("configVersion"));
    }

    private static Report report(Node b) {
        return switch (b.enumeration("kind", ReportKind.class)) {
            case CALIBRATION -> {
                List<CalibrationReport.GainRate> sweep = new ArrayList<>();
                List<?> rows = b.list("sweep");
                for (int i = 0; i < rows.size(); i++) {
                    Node r = b.element("sweep", i, rows.get(i));
                    sweep.add(new CalibrationReport.GainRate(r.integer("antennaGainDb"), r.integer("successPercent")));
                    r.done();
                }
                Optional<PadCalibration> applied = Optional.empty();
                if (b.has("applied")) {
                    Node a = b.object("applied");
                    applied = Optional.of(new PadCalibration(b.integer("pad"), a.integer("antennaGainDb"),
                            a.integer("removalMissThreshold")));
                    a.done();
                }
                yield new CalibrationReport(b.integer("pad"), sweep, applied);
            }
            case CONFIG -> new ConfigReport(b.u32("version"), entries(b.object("entries")));
        };
    }

    private static Map<String, String> entries(Node entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String key : entries.keys()) {
            map.put(key, entries.text(key));
        }
        return map;
    }

    private static CommandBody command(Node b) {
        String kind = b.text("kind");
        return switch (kind) {
            case "set_led" -> new SetLed(b.integer("pad"), b.rgb("rgb"), b.enumeration("mode", LedMode.class),
                    b.u32("durationMillis"));
            case "write_toy" -> new WriteToy(b.integer("pad"), b.integer("slot"), uid(b),
                    ToyTree.fromTree(b.object("record")));
            case "write_area" -> new WriteArea(b.integer("pad"), b.integer("slot"), uid(b),
                    b.enumeration("target", Area.class), digest(b.text("expectedDigest"), b.path("expectedDigest")),
                    b.bool("clearFirst"), AreaBytes.of(b.hex("image")));
            case "show_verdict" -> new ShowVerdict(b.integer("pad"), b.integer("slot"), uid(b),
                    b.enumeration("verdict", ToyVerdict.class));
            case "calibrate" -> new Calibrate(b.integer("pad"), b.integer("antennaGainDb"),
                    b.integer("removalMissThreshold"));
            case "config_set" -> new ConfigSet(b.u32("desiredVersion"), entries(b.object("entries")));
            case "firmware_chunk" -> new FirmwareChunk(b.u32("jobId"), b.u32("index"), b.u32("total"),
                    b.hex("imageSha256"), b.hex("data"));
            case "rebirth" -> new Rebirth();
            case "reboot" -> new Reboot();
            case "present_token" -> new PresentToken(b.text("token"));
            case "resend_frames" -> new ResendFrames(b.u32("bootId"), b.u32("fromSeq"), b.u32("toSeq"));
            case "unknown" -> new UnknownCommand(b.integer("code"), b.hex("payload"));
            default -> throw new IllegalArgumentException(b.path("kind") + ": \"" + kind + "\" is not one of "
                    + "[set_led, write_toy, calibrate, config_set, firmware_chunk, rebirth, reboot, show_verdict, write_area, present_token, resend_frames, unknown]");
        };
    }

    /** A u64 as 16 hex digits: JSON numbers lose precision beyond 2^53. */
    private static long digest(String hex, String path) {
        if (!hex.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException(path + ": expected 16 lower-case hex digits, got \"" + hex + "\"");
        }
        return Long.parseUnsignedLong(hex, 16);
    }

    private static Uid uid(Node b) {
        byte[] bytes = b.hex("uid");
        try {
            return Uid.fromWire(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(b.path("uid") + ": " + e.getMessage());
        }
    }
}
