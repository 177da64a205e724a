package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.Upgrades;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid frames of every type and command kind, edge values included. */
public final class FrameArbitraries {
    private FrameArbitraries() {
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, Check.U32_MAX);
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 255);
    }

    static Arbitrary<Uid> uids() {
        return Arbitraries.of(1, 4, 7, 10).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n)).map(Uid::fromWire);
    }

    static Arbitrary<String> text(int maxChars) {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(maxChars),
                Arbitraries.strings().all().ofMaxLength(maxChars / 4).filter(FrameArbitraries::wellFormed),
                Arbitraries.of("", "Zoë", "ドラゴン", "🐉"));
    }

    private static boolean wellFormed(String s) {
        try {
            Check.text("s", s, Integer.MAX_VALUE);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Arbitrary<Header> headers() {
        return Combinators.combine(Arbitraries.integers().between(0, 15), u32(), u32(),
                Arbitraries.longs().between(0, Check.U48_MAX), Arbitraries.of(true, false),
                Arbitraries.of(0, Flags.REPLAYED, 0x0C, 0x0E))
                .as((minor, boot, seq, time, synced, flags) -> new Header(0x10 | minor, boot, seq, time, synced, flags));
    }

    public static Arbitrary<ToyRecord> toyRecords() {
        Arbitrary<Integer> rgb = Arbitraries.integers().between(0, 0xFFFFFF);
        Arbitrary<CoCreation> co = Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(CoCreation.MAX_NAME_BYTES),
                Combinators.combine(rgb, rgb, rgb).as(Colours::new), Arbitraries.longs().map(Upgrades::new),
                u32(), u8()).as(CoCreation::new);
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), u8(), co).as(ToyRecord::new);
    }

    static Arbitrary<Message> toyReads() {
        return Combinators.combine(u8(), u8(), uids(), Arbitraries.of(ToyVerdict.class), toyRecords())
                .as((pad, slot, uid, verdict, rec) -> new ToyRead(pad, slot, uid, verdict,
                        verdict == ToyVerdict.RECOGNISED ? Optional.of(rec) : Optional.empty()));
    }

    static Arbitrary<Message> births() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(64);
        Arbitrary<List<PadInfo>> pads = Combinators.combine(u8(), text(40)).as((slots, reader) -> reader)
                .list().ofMaxSize(8).map(readers -> {
                    java.util.ArrayList<PadInfo> out = new java.util.ArrayList<>();
                    for (int i = 0; i < readers.size(); i++) {
                        out.add(new PadInfo(i, i % 4 + 1, readers.get(i)));
                    }
                    return out;
                });
        Arbitrary<Calibration> cal = Combinators.combine(u8(), Arbitraries.integers().between(1, 255)).as(List::of)
                .list().ofMaxSize(8).map(l -> {
                    java.util.ArrayList<PadCalibration> out = new java.util.ArrayList<>();
                    for (int i = 0; i < l.size(); i++) {
                        out.add(new PadCalibration(i * 3, l.get(i).get(0), l.get(i).get(1)));
                    }
                    return new Calibration(out);
                });
        return Combinators.combine(ids, text(60), Arbitraries.subsetOf(Capability.values()), pads, cal, u32())
                .as(Birth::new);
    }

    static Arbitrary<Message> heartbeats() {
        return u32().list().ofSize(HealthCounters.FIELDS).map(v -> new Heartbeat(new HealthCounters(v.get(0), v.get(1),
                v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8), v.get(9))));
    }

    public static Arbitrary<CommandBody> commandBodies() {
        Arbitrary<CommandBody> led = Combinators.combine(u8(), Arbitraries.integers().between(0, 0xFFFFFF),
                Arbitraries.of(LedMode.class), u32()).as(SetLed::new);
        Arbitrary<CommandBody> write = Combinators.combine(u8(), u8(), uids(), toyRecords()).as(WriteToy::new);
        Arbitrary<CommandBody> calibrate = Combinators.combine(u8(), u8(), Arbitraries.integers().between(1, 255))
                .as(Calibrate::new);
        Arbitrary<CommandBody> config = Combinators.combine(u32(),
                Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20), text(80))
                        .ofMaxSize(10)).as((v, m) -> new ConfigSet(v, new LinkedHashMap<>(m)));
        Arbitrary<CommandBody> chunk = Combinators.combine(u32(), Arbitraries.longs().between(1, Check.U32_MAX),
                Arbitraries.bytes().array(byte[].class).ofSize(32),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(Limits.MAX_FIRMWARE_CHUNK))
                .as((job, total, sha, data) -> new FirmwareChunk(job, total - 1, total, sha, data));
        Arbitrary<CommandBody> unknown = Combinators.combine(Arbitraries.integers().between(8, 255),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64)).as(UnknownCommand::new);
        return Arbitraries.oneOf(led, write, calibrate, config, chunk, Arbitraries.just(new Rebirth()),
                Arbitraries.just(new Reboot()), unknown, Arbitraries.integers().between(0, 0).map(x -> new UnknownCommand(0, new byte[0])));
    }

    public static Arbitrary<Message> messages() {
        Arbitrary<Message> placed = Combinators.combine(u8(), u8(), uids(), Arbitraries.of(TagType.class)).as(TagPlaced::new);
        Arbitrary<Message> removed = Combinators.combine(u8(), u8(), uids(), Arbitraries.longs().between(0, Check.U48_MAX))
                .as(TagRemoved::new);
        Arbitrary<Message> command = Combinators.combine(u32(), commandBodies()).as(Command::new);
        Arbitrary<Message> result = Combinators.combine(u32(), Arbitraries.of(Status.class), text(300)).as(CommandResult::new);
        return Arbitraries.oneOf(placed, removed, toyReads(), births(), heartbeats(), command, result);
    }

    public static Arbitrary<Frame> frames() {
        return Combinators.combine(headers(), messages()).as(Frame::new);
    }

    /** A fixed sample of every message type and command kind, for fuzzing seeds. */
    public static List<Frame> samples() {
        Header h = Header.of(0x12345678L, 7, 1_764_000_000_000L, true);
        Uid uid = Uid.parse("04a1b2c3d4e5f6");
        ToyRecord toy = new ToyRecord(0x0102, 3, new CoCreation("Sparky", new Colours(0xFF0000, 0x00FF00, 0x0000FF),
                Upgrades.of(1, 5), 1200, 4));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("poll.intervalMs", "50");
        config.put("led.brightness", "80");
        List<Message> messages = List.of(
                new TagPlaced(1, 0, uid, TagType.NTAG215),
                new TagRemoved(1, 0, uid, 65_000),
                ToyRead.recognised(1, 0, uid, toy),
                ToyRead.unrecognised(2, 1, uid, ToyVerdict.TAMPERED),
                new Birth("portal-0001", "1.4.2", java.util.EnumSet.allOf(Capability.class),
                        List.of(new PadInfo(0, 2, "MFRC522 v2.0"), new PadInfo(1, 1, "PN532 1.6")),
                        new Calibration(List.of(new PadCalibration(0, 48, 3), new PadCalibration(1, 33, 2))), 9),
                new Heartbeat(new HealthCounters(3600, 2000, 3, 1, 0, 2, 0, 0, 1, 2)),
                new Command(1, new SetLed(0, 0x00FF80, LedMode.PULSE, 1500)),
                new Command(2, new WriteToy(1, 0, uid, toy)),
                new Command(3, new Calibrate(1, 43, 4)),
                new Command(4, new ConfigSet(10, config)),
                new Command(5, new FirmwareChunk(77, 0, 3, new byte[32], Hex.parse("deadbeef00010203"))),
                new Command(6, new Rebirth()),
                new Command(7, new Reboot()),
                new Command(8, new UnknownCommand(0x42, Hex.parse("0102"))),
                new CommandResult(4, Status.OK, "config 10 applied"));
        return messages.stream().map(m -> new Frame(h, m)).toList();
    }
}
