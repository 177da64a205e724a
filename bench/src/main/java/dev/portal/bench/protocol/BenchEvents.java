package dev.portal.bench.protocol;

import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ConfigSet;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.LedMode;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.Reboot;
import dev.portal.protocol.frame.SetLed;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.Upgrades;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The events the benchmark encodes: what a busy portal sends, and one typical frame of every message type. */
final class BenchEvents {
    private BenchEvents() {
    }

    /**
     * A seeded mix in the proportions of real play: per toy visit one TagPlaced, one ToyRead (three in four
     * recognised) and one TagRemoved, with a Heartbeat in between.
     */
    static List<Frame> mix(int visits) {
        Random random = new Random(42);
        long boot = random.nextInt() & 0xFFFF_FFFFL;
        long time = 1_764_000_000_000L;
        List<Frame> frames = new ArrayList<>();
        long seq = 0;
        for (int v = 0; v < visits; v++) {
            byte[] bytes = new byte[7];
            random.nextBytes(bytes);
            bytes[0] = 0x04;
            Uid uid = Uid.of(bytes);
            int pad = random.nextInt(2);
            int slot = random.nextInt(3);
            time += random.nextInt(5_000);
            frames.add(new Frame(Header.of(boot, seq++, time, true), new TagPlaced(pad, slot, uid, TagType.NTAG215)));
            ToyRead read = random.nextInt(4) == 0 ? ToyRead.unrecognised(pad, slot, uid, ToyVerdict.BLANK)
                    : ToyRead.recognised(pad, slot, uid, toy(random));
            frames.add(new Frame(Header.of(boot, seq++, time + 40, true), read));
            frames.add(new Frame(Header.of(boot, seq++, time + 200, true), heartbeat(v)));
            frames.add(new Frame(Header.of(boot, seq++, time + 30_000, true), new TagRemoved(pad, slot, uid, 29_960)));
        }
        return frames;
    }

    static ToyRecord toy(Random random) {
        String[] names = {"Sparky", "Blaze", "Zoë", "Captain Ironfin", "Mo"};
        return new ToyRecord(random.nextInt(400), random.nextInt(4), new CoCreation(names[random.nextInt(names.length)],
                new Colours(random.nextInt(0x1000000), random.nextInt(0x1000000), random.nextInt(0x1000000)),
                Upgrades.of(random.nextInt(64), random.nextInt(64)), random.nextInt(100_000), random.nextInt(60)));
    }

    static Heartbeat heartbeat(int v) {
        return new Heartbeat(new HealthCounters(3600 + v, 1980, 3, 0, 0, 1, 0, 0, 1, 2));
    }

    /** One typical frame per message type and command kind, named for the size table. */
    static Map<String, Frame> typical() {
        Header h = Header.of(0x5A17_3C11L, 1234, 1_764_000_000_000L, true);
        Uid uid = Uid.parse("04112233445566");
        ToyRecord toy = new ToyRecord(17, 1, new CoCreation("Sparky", new Colours(0xFF0000, 0x00FF00, 0x0000FF),
                Upgrades.of(1, 5), 1200, 4));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("poll.intervalMs", "50");
        Map<String, Message> m = new LinkedHashMap<>();
        m.put("TagPlaced (7-byte UID)", new TagPlaced(1, 0, uid, TagType.NTAG215));
        m.put("TagRemoved", new TagRemoved(1, 0, uid, 29_960));
        m.put("ToyRead, recognised (6-char name)", ToyRead.recognised(1, 0, uid, toy));
        m.put("ToyRead, blank", ToyRead.unrecognised(1, 0, uid, ToyVerdict.BLANK));
        m.put("Birth (2 pads, calibrated)", new Birth("portal-0001", "1.4.2", EnumSet.allOf(Capability.class),
                List.of(new PadInfo(0, 3, "MFRC522 v2.0"), new PadInfo(1, 3, "MFRC522 v2.0")),
                new Calibration(List.of(new PadCalibration(0, 48, 3), new PadCalibration(1, 43, 3))), 7));
        m.put("Heartbeat", heartbeat(0));
        m.put("Command set_led", new Command(1, new SetLed(0, 0x00FF80, LedMode.PULSE, 1500)));
        m.put("Command write_toy", new Command(2, new WriteToy(1, 0, uid, toy)));
        m.put("Command calibrate", new Command(3, new Calibrate(1, 43, 4)));
        m.put("Command config_set (1 key)", new Command(4, new ConfigSet(8, config)));
        m.put("Command firmware_chunk (2048 B)", new Command(5, new FirmwareChunk(9, 0, 100, new byte[32], new byte[2048])));
        m.put("Command rebirth", new Command(6, new Rebirth()));
        m.put("Command reboot", new Command(7, new Reboot()));
        m.put("CommandResult ok (\"applied\")", new CommandResult(4, Status.OK, "applied"));
        Map<String, Frame> frames = new LinkedHashMap<>();
        m.forEach((name, message) -> frames.put(name, new Frame(h, message)));
        return frames;
    }
}
