package dev.portal.portalctl.inspect;

import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ConfigReport;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.foreign.FailedCheck;
import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.foreign.ForeignToy;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.toy.ToyRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One readable line per frame, for {@code watch}: time, device, sequence, what happened. A portal reports a toy's
 * save areas unjudged (ToyAreas, since 1.1); with the toy key the line also says what the host would make of them.
 */
public final class FrameText {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private FrameText() {
    }

    public static String line(String deviceId, Frame frame) {
        return line(deviceId, frame, Optional.empty());
    }

    /** With {@code toyKey}, toy areas are judged with it. */
    public static String line(String deviceId, Frame frame, Optional<FleetKey> toyKey) {
        long t = frame.header().timestampMillis();
        String when = frame.header().clockSynced() ? CLOCK.format(Instant.ofEpochMilli(t)) : "+" + t / 1000.0 + "s";
        return when + " " + deviceId + " #" + frame.header().sequence() + " " + describe(frame, toyKey);
    }

    public static String describe(Frame frame) {
        return describe(frame, Optional.empty());
    }

    public static String describe(Frame frame, Optional<FleetKey> toyKey) {
        return switch (frame.message()) {
            case TagPlaced m -> "placed   pad " + m.pad() + " slot " + m.slot() + " uid " + m.uid().hex() + " " + m.tagType();
            case TagRemoved m -> "removed  pad " + m.pad() + " slot " + m.slot() + " uid " + m.uid().hex()
                    + " after " + m.presentMillis() / 1000.0 + " s";
            case ToyAreas m -> "areas    pad " + m.pad() + " slot " + m.slot() + " uid " + m.uid().hex() + " "
                    + m.tagType() + ", A " + size(m.areaA()) + ", B " + size(m.areaB())
                    + toyKey.map(k -> ": " + verdict(m.judge(k))).orElse("");
            case ToyRead m -> "toy      pad " + m.pad() + " slot " + m.slot() + " uid " + m.uid().hex() + " " + m.verdict()
                    + m.record().map(FrameText::toy).orElse("") + m.foreign().map(FrameText::foreign).orElse("");
            case Birth m -> "birth    " + m.deviceId() + " firmware " + m.firmwareVersion() + ", " + m.pads().size()
                    + " pad(s), config v" + m.configVersion() + ", boot " + String.format("%08x", frame.header().bootId());
            case Heartbeat m -> "health   " + health(m.counters());
            case Command m -> "command  #" + m.correlationId() + " " + command(m);
            case CommandResult m -> "result   #" + m.correlationId() + " " + m.status() + (m.detail().isEmpty() ? "" : ": " + m.detail());
            case CommandReport m -> "report   #" + m.correlationId() + " " + report(m);
        };
    }

    private static String report(CommandReport m) {
        return switch (m.report()) {
            case CalibrationReport c -> "calibration pad " + c.pad() + ": "
                    + (c.sweep().isEmpty() ? "no sweep" : String.join(", ", c.sweep().stream()
                            .map(g -> g.antennaGainDb() + " dB " + g.successPercent() + "%").toList()))
                    + c.applied().map(a -> "; applied " + a.antennaGainDb() + " dB, removal after "
                            + a.removalMissThreshold() + " misses").orElse("; nothing applied");
            case ConfigReport c -> "config v" + c.version() + " in force " + c.entries();
        };
    }

    private static String size(Optional<AreaBytes> area) {
        return area.map(a -> a.length() + " bytes").orElse("unread");
    }

    /** The verdict and, when recognised, the record: as a ToyRead line shows them. */
    public static String verdict(ToyReadResult judged) {
        return judged.verdict() + judged.record().map(FrameText::toy).orElse("");
    }

    /** A toy of another line: " skylanders figure character 0x01c3 variant 0x3000", or its failed check. */
    public static String foreign(ForeignReading reading) {
        return switch (reading) {
            case ForeignToy t -> String.format(" %s %s character 0x%04x variant 0x%04x%s", t.line().jsonName(),
                    t.form().jsonName(), t.characterId(), t.variant(), t.series() == 0 ? "" : " series " + t.series());
            case FailedCheck f -> " " + f.line().jsonName() + " FAILS ITS CHECK";
        };
    }

    public static String toy(ToyRecord r) {
        return " type " + r.toyType() + " variant " + r.variant() + " \"" + r.coCreation().name() + "\" level "
                + r.coCreation().level() + " xp " + r.coCreation().xp();
    }

    public static String health(HealthCounters c) {
        return "up " + c.uptimeSeconds() + " s, " + c.pollsPerSecond() + " polls/s, read errors "
                + c.readErrors() + ", reader resets " + c.readerResets() + ", corrupt tags " + c.corruptTags()
                + ", rejected commands " + c.rejectedCommands() + ", outbox " + c.outboxDepth() + " (dropped "
                + c.outboxDropped() + "), reconnects " + c.brokerReconnects() + ", tags " + c.tagsPresent();
    }

    private static String command(Command c) {
        return c.body() instanceof FirmwareChunk f ? "firmware chunk " + f.index() + "/" + f.total() : c.body().toString();
    }
}
