package dev.portal.protocol.frame;

import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.foreign.FailedCheck;
import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.foreign.ForeignToy;
import dev.portal.protocol.foreign.ToyForm;
import dev.portal.protocol.foreign.ToyLine;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.testsupport.property.Gen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Generators of valid frames of every type and command kind, edge values included. */
public final class FrameArbitraries {
    private FrameArbitraries() {
    }

    static Gen<Long> u32() {
        return Gen.longs(0, Check.U32_MAX);
    }

    static Gen<Integer> u8() {
        return Gen.ints(0, 255);
    }

    static Gen<Uid> uids() {
        return Gen.of(1, 4, 7, 10).flatMap(n -> Gen.bytes(n, n)).map(Uid::fromWire);
    }

    static Gen<String> text(int maxChars) {
        return Gen.oneOf(
                Gen.strings(Gen.chars(' ', '~'), 0, maxChars),
                Gen.strings(Gen.chars(Character.MIN_VALUE, Character.MAX_VALUE), 0, maxChars / 4)
                        .filter(FrameArbitraries::wellFormed),
                Gen.of("", "Zoë", "ドラゴン", "🐉"));
    }

    private static boolean wellFormed(String s) {
        try {
            Check.text("s", s, Integer.MAX_VALUE);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Gen<Header> headers() {
        Gen<Integer> minor = Gen.ints(0, 15);
        Gen<Long> time = Gen.longs(0, Check.U48_MAX);
        Gen<Integer> flags = Gen.of(0, Flags.REPLAYED, 0x0C, 0x0E);
        return r -> new Header(0x10 | minor.next(r), u32().next(r), u32().next(r), time.next(r), r.nextBoolean(),
                flags.next(r));
    }

    public static Gen<ToyRecord> toyRecords() {
        Gen<Integer> rgb = Gen.ints(0, 0xFFFFFF);
        Gen<String> names = Gen.strings(Gen.chars('A', 'z'), 0, CoCreation.MAX_NAME_BYTES);
        Gen<Upgrades> upgrades = Gen.longs().map(Upgrades::new);
        Gen<CoCreation> co = r -> new CoCreation(names.next(r), new Colours(rgb.next(r), rgb.next(r), rgb.next(r)),
                upgrades.next(r), u32().next(r), u8().next(r));
        Gen<Integer> toyTypes = Gen.ints(0, 0xFFFF);
        return r -> new ToyRecord(toyTypes.next(r), u8().next(r), co.next(r));
    }

    static Gen<Message> toyReads() {
        Gen<ToyVerdict> verdicts = Gen.of(ToyVerdict.class);
        return r -> {
            int pad = u8().next(r);
            int slot = u8().next(r);
            Uid uid = uids().next(r);
            ToyVerdict verdict = verdicts.next(r);
            ToyRecord rec = toyRecords().next(r);
            ForeignReading foreign = foreignReadings().next(r);
            return new ToyRead(pad, slot, uid, verdict,
                    verdict == ToyVerdict.RECOGNISED ? Optional.of(rec) : Optional.empty(),
                    verdict == ToyVerdict.FOREIGN ? Optional.of(foreign) : Optional.empty());
        };
    }

    /** Identified foreign toys of every line and form (OTHER included), and failed checks. */
    static Gen<ForeignReading> foreignReadings() {
        Gen<ToyLine> lines = Gen.of(ToyLine.class);
        Gen<ToyForm> forms = Gen.of(ToyForm.class);
        Gen<Integer> u16 = Gen.ints(0, 0xFFFF);
        return r -> {
            ToyLine line = lines.next(r);
            if (u8().next(r) < 32) {
                return new FailedCheck(line);
            }
            return new ForeignToy(line, forms.next(r), u16.next(r), u16.next(r), u8().next(r));
        };
    }

    static Gen<Message> births() {
        Gen<String> ids = Gen.strings(Gen.chars("abcXYZ019._-"), 1, 64);
        Gen<List<PadInfo>> pads = text(40).list(0, 8).map(readers -> {
            java.util.ArrayList<PadInfo> out = new java.util.ArrayList<>();
            for (int i = 0; i < readers.size(); i++) {
                out.add(new PadInfo(i, i % 4 + 1, readers.get(i)));
            }
            return out;
        });
        Gen<Integer> divisors = Gen.ints(1, 255);
        Gen<Calibration> cal = ((Gen<List<Integer>>) r -> List.of(u8().next(r), divisors.next(r))).list(0, 8).map(l -> {
            java.util.ArrayList<PadCalibration> out = new java.util.ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(new PadCalibration(i * 3, l.get(i).get(0), l.get(i).get(1)));
            }
            return new Calibration(out);
        });
        Gen<java.util.Set<Capability>> capabilities = Gen.subsetOf(Capability.class);
        return r -> new Birth(ids.next(r), text(60).next(r), capabilities.next(r), pads.next(r), cal.next(r),
                u32().next(r));
    }

    static Gen<Message> heartbeats() {
        return u32().list(HealthCounters.FIELDS, HealthCounters.FIELDS).map(v -> new Heartbeat(new HealthCounters(v.get(0),
                v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8), v.get(9))));
    }

    public static Gen<CommandBody> commandBodies() {
        Gen<Integer> rgb = Gen.ints(0, 0xFFFFFF);
        Gen<LedMode> modes = Gen.of(LedMode.class);
        Gen<CommandBody> led = r -> new SetLed(u8().next(r), rgb.next(r), modes.next(r), u32().next(r));
        Gen<CommandBody> write = r -> new WriteToy(u8().next(r), u8().next(r), uids().next(r), toyRecords().next(r));
        Gen<Integer> divisors = Gen.ints(1, 255);
        Gen<CommandBody> calibrate = r -> new Calibrate(u8().next(r), u8().next(r), divisors.next(r));
        Gen<java.util.Map<String, String>> entries = Gen.maps(Gen.strings(Gen.chars('a', 'z'), 1, 20), text(80), 10);
        Gen<CommandBody> config = r -> new ConfigSet(u32().next(r), new LinkedHashMap<>(entries.next(r)));
        Gen<Long> totals = Gen.longs(1, Check.U32_MAX);
        Gen<byte[]> data = Gen.bytes(1, Limits.MAX_FIRMWARE_CHUNK);
        Gen<CommandBody> chunk = r -> {
            long job = u32().next(r);
            long total = totals.next(r);
            return new FirmwareChunk(job, total - 1, total, Gen.bytes(32, 32).next(r), data.next(r));
        };
        Gen<ToyVerdict> verdicts = Gen.of(ToyVerdict.class);
        Gen<CommandBody> show = r -> new ShowVerdict(u8().next(r), u8().next(r), uids().next(r), verdicts.next(r));
        Gen<byte[]> images = Gen.bytes(1, AreaBytes.MAX_BYTES);
        Gen<CommandBody> writeArea = r -> new WriteArea(u8().next(r), u8().next(r), uids().next(r),
                r.nextBoolean() ? Area.A : Area.B, r.nextLong(), r.nextBoolean(), AreaBytes.of(images.next(r)));
        Gen<String> tokens = text(200);
        Gen<CommandBody> token = r -> {
            String t = tokens.next(r);
            return new PresentToken(t.isEmpty() ? "t" : t);
        };
        Gen<CommandBody> resend = r -> {
            long from = u32().next(r) % (Check.U32_MAX - ResendFrames.MAX_SPAN);
            return new ResendFrames(u32().next(r), from, from + r.nextInt(ResendFrames.MAX_SPAN));
        };
        Gen<Integer> unknownKinds = Gen.ints(12, 255);
        Gen<byte[]> unknownBodies = Gen.bytes(0, 64);
        Gen<CommandBody> unknown = r -> new UnknownCommand(unknownKinds.next(r), unknownBodies.next(r));
        return Gen.oneOf(led, write, calibrate, config, chunk, Gen.constant(new Rebirth()),
                Gen.constant(new Reboot()), show, writeArea, token, resend, unknown, r -> new UnknownCommand(0, new byte[0]));
    }

    public static Gen<Message> messages() {
        Gen<TagType> tagTypes = Gen.of(TagType.class);
        Gen<Long> held = Gen.longs(0, Check.U48_MAX);
        Gen<Status> statuses = Gen.of(Status.class);
        Gen<Message> placed = r -> new TagPlaced(u8().next(r), u8().next(r), uids().next(r), tagTypes.next(r));
        Gen<Message> removed = r -> new TagRemoved(u8().next(r), u8().next(r), uids().next(r), held.next(r));
        Gen<Message> command = r -> new Command(u32().next(r), commandBodies().next(r));
        Gen<Message> result = r -> new CommandResult(u32().next(r), statuses.next(r), text(300).next(r));
        Gen<Message> report = r -> new CommandReport(u32().next(r), reports().next(r));
        return Gen.oneOf(placed, removed, toyReads(), toyAreas(), births(), heartbeats(), command, result, report);
    }

    static Gen<Message> toyAreas() {
        Gen<TagType> tagTypes = Gen.of(TagType.class);
        Gen<Optional<AreaBytes>> areas = Gen.oneOf(Gen.constant(Optional.empty()),
                Gen.bytes(0, AreaBytes.MAX_BYTES).map(b -> Optional.of(AreaBytes.of(b))));
        return r -> new ToyAreas(u8().next(r), u8().next(r), uids().next(r), tagTypes.next(r), areas.next(r),
                areas.next(r));
    }

    static Gen<Report> reports() {
        Gen<Integer> gains = Gen.ints(1, 255);
        Gen<Integer> percents = Gen.ints(0, 100);
        Gen<Integer> thresholds = Gen.ints(1, 255);
        Gen<Integer> rowCounts = Gen.ints(0, CalibrationReport.MAX_SWEEP);
        Gen<Report> calibration = r -> {
            int pad = u8().next(r);
            java.util.Map<Integer, CalibrationReport.GainRate> rows = new LinkedHashMap<>();
            for (int i = rowCounts.next(r); i > 0; i--) {
                int gain = gains.next(r);
                rows.putIfAbsent(gain, new CalibrationReport.GainRate(gain, percents.next(r)));
            }
            java.util.Optional<PadCalibration> applied = percents.next(r) % 2 == 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(new PadCalibration(pad, gains.next(r), thresholds.next(r)));
            return new CalibrationReport(pad, List.copyOf(rows.values()), applied);
        };
        Gen<java.util.Map<String, String>> entries = Gen.maps(Gen.strings(Gen.chars('a', 'z'), 1, 20), text(80), 10);
        Gen<Report> config = r -> new ConfigReport(u32().next(r), new LinkedHashMap<>(entries.next(r)));
        return Gen.oneOf(calibration, config);
    }

    public static Gen<Frame> frames() {
        return r -> new Frame(headers().next(r), messages().next(r));
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
                new CommandResult(4, Status.OK, "config 10 applied"),
                new CommandReport(3, new CalibrationReport(1, List.of(new CalibrationReport.GainRate(18, 0),
                        new CalibrationReport.GainRate(33, 100)), java.util.Optional.of(new PadCalibration(1, 33, 4)))),
                new CommandReport(4, new ConfigReport(10, config)));
        return messages.stream().map(m -> new Frame(h, m)).toList();
    }
}
