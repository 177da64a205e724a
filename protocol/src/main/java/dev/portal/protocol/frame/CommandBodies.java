package dev.portal.protocol.frame;

import dev.portal.protocol.frame.FrameException.Reason;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;
import java.util.LinkedHashMap;
import java.util.Map;

/** Command body: correlation id u32, kind u8, kind-specific fields. CommandResult: id u32, status u8, detail. */
final class CommandBodies {
    private CommandBodies() {
    }

    static void write(Command c, WireWriter w) {
        w.u32(c.correlationId()).u8(c.body().kindCode());
        switch (c.body()) {
            case SetLed s -> w.u8(s.pad()).u24(s.rgb()).u8(s.mode().code()).u32(s.durationMillis());
            case WriteToy t -> writeToy(t, w);
            case WriteArea t -> writeArea(t, w);
            case Calibrate k -> w.u8(k.pad()).u8(k.antennaGainDb()).u8(k.removalMissThreshold());
            case ConfigSet s -> writeEntries(w.u32(s.desiredVersion()), s.entries());
            case FirmwareChunk f -> w.u32(f.jobId()).u32(f.index()).u32(f.total()).raw(f.imageSha256()).bytes16(f.data());
            case Rebirth r -> { }
            case Reboot r -> { }
            case ShowVerdict v -> w.u8(v.pad()).u8(v.slot()).bytes8(v.uid().bytes()).u8(ToyRecords.code(v.verdict()));
            case PresentToken t -> w.text16(t.token());
            case ResendFrames f -> w.u32(f.bootId()).u32(f.fromSeq()).u32(f.toSeq());
            case UnknownCommand u -> w.raw(u.payload());
        }
    }

    static Command read(WireReader r) throws FrameException {
        long id = r.u32("correlation id");
        int kindCode = r.u8("command kind");
        CommandKind kind = CommandKind.fromCode(kindCode);
        if (kind == null) {
            return new Command(id, new UnknownCommand(kindCode, r.bytes(r.remaining(), "payload")));
        }
        CommandBody body = switch (kind) {
            case SET_LED -> new SetLed(r.u8("pad"), r.u24("rgb"), ledMode(r.u8("led mode")), r.u32("duration"));
            case WRITE_TOY -> readToy(r);
            case CALIBRATE -> new Calibrate(r.u8("pad"), r.u8("antenna gain"), r.u8("removal miss threshold"));
            case CONFIG_SET -> readConfig(r);
            case FIRMWARE_CHUNK -> new FirmwareChunk(r.u32("job id"), r.u32("index"), r.u32("total"),
                    r.bytes(FirmwareChunk.SHA256_BYTES, "image sha256"),
                    r.bytes16(1, Limits.MAX_FIRMWARE_CHUNK, "firmware data"));
            case REBIRTH -> new Rebirth();
            case REBOOT -> new Reboot();
            case SHOW_VERDICT -> new ShowVerdict(r.u8("pad"), r.u8("slot"), TagBodies.uid(r),
                    ToyRecords.verdict(r.u8("verdict")));
            case WRITE_AREA -> readArea(r);
            case PRESENT_TOKEN -> new PresentToken(WireReader.utf8(r.bytes16(1, PresentToken.MAX_BYTES, "token"), "token"));
            case RESEND_FRAMES -> resend(r.u32("boot id"), r.u32("from seq"), r.u32("to seq"));
        };
        return new Command(id, body);
    }

    private static ResendFrames resend(long boot, long from, long to) throws FrameException {
        if (to < from || to - from >= ResendFrames.MAX_SPAN) {
            throw new FrameException(Reason.BAD_FIELD, "resend " + from + ".." + to + ": at most "
                    + ResendFrames.MAX_SPAN + " frames, in order");
        }
        return new ResendFrames(boot, from, to);
    }

    private static LedMode ledMode(int code) throws FrameException {
        LedMode mode = LedMode.fromCode(code);
        if (mode == null) {
            throw new FrameException(Reason.BAD_FIELD, "led mode " + code);
        }
        return mode;
    }

    private static ConfigSet readConfig(WireReader r) throws FrameException {
        return new ConfigSet(r.u32("desired version"), readEntries(r));
    }

    /** Config entries as ConfigSet and ConfigReport carry them: count u8 (0..64), then key text8, value text16. */
    static void writeEntries(WireWriter w, Map<String, String> entries) {
        w.u8(entries.size());
        for (Map.Entry<String, String> e : entries.entrySet()) {
            w.text8(e.getKey()).text16(e.getValue());
        }
    }

    static Map<String, String> readEntries(WireReader r) throws FrameException {
        int count = r.u8("entry count");
        if (count > Limits.MAX_CONFIG_ENTRIES) {
            throw new FrameException(Reason.TOO_LONG, "entry count " + count + " exceeds " + Limits.MAX_CONFIG_ENTRIES);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = r.text8(ConfigSet.MAX_KEY, "config key");
            String value = r.text16(Limits.MAX_CONFIG_VALUE, "config value");
            if (entries.put(key, value) != null) {
                throw new FrameException(Reason.BAD_FIELD, "config key '" + key + "' appears twice");
            }
        }
        return entries;
    }

    private static void writeToy(WriteToy t, WireWriter w) {
        w.u8(t.pad()).u8(t.slot()).bytes8(t.uid().bytes());
        ToyRecords.write(t.record(), w);
    }

    private static WriteToy readToy(WireReader r) throws FrameException {
        return new WriteToy(r.u8("pad"), r.u8("slot"), TagBodies.uid(r), ToyRecords.require(r));
    }

    /** pad, slot, uid, target u8 (0 A, 1 B), expected digest u64, flags u8 (bit 0: clear first), image bytes8. */
    private static void writeArea(WriteArea t, WireWriter w) {
        w.u8(t.pad()).u8(t.slot()).bytes8(t.uid().bytes()).u8(t.target() == Area.A ? 0 : 1);
        w.u32(t.expectedDigest() >>> 32).u32(t.expectedDigest() & 0xFFFF_FFFFL).u8(t.clearFirst() ? 1 : 0);
        w.bytes8(t.image().bytes());
    }

    private static WriteArea readArea(WireReader r) throws FrameException {
        int pad = r.u8("pad");
        int slot = r.u8("slot");
        var uid = TagBodies.uid(r);
        int target = r.u8("target area");
        if (target > 1) {
            throw new FrameException(Reason.BAD_FIELD, "target area " + target);
        }
        long digest = (r.u32("expected digest") << 32) | r.u32("expected digest");
        int flags = r.u8("write flags");
        if ((flags & ~1) != 0) {
            throw new FrameException(Reason.BAD_FIELD, "write flags " + flags);
        }
        byte[] image = r.bytes8(1, AreaBytes.MAX_BYTES, "area image");
        return new WriteArea(pad, slot, uid, target == 0 ? Area.A : Area.B, digest, flags == 1, AreaBytes.of(image));
    }

    static void writeResult(CommandResult c, WireWriter w) {
        w.u32(c.correlationId()).u8(c.status().code()).text16(c.detail());
    }

    static CommandResult readResult(WireReader r) throws FrameException {
        long id = r.u32("correlation id");
        int code = r.u8("status");
        Status status = Status.fromCode(code);
        if (status == null) {
            throw new FrameException(Reason.BAD_FIELD, "status " + code);
        }
        return new CommandResult(id, status, r.text16(Limits.MAX_DETAIL, "detail"));
    }
}
