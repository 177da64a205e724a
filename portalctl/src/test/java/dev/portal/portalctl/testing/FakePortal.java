package dev.portal.portalctl.testing;

import dev.portal.device.firmware.BootGuard;
import dev.portal.device.firmware.FirmwareService;
import dev.portal.device.firmware.FirmwareSettings;
import dev.portal.device.firmware.FirmwareUpdater;
import dev.portal.device.firmware.HealthCheck;
import dev.portal.device.firmware.SlotStore;
import dev.portal.device.firmware.WallClock;
import dev.portal.link.DeviceId;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.ZipFile;

/**
 * A test double of a portal that speaks the real protocol on a real broker (portal/{id}/evt, /cmd, retained
 * /status) and, optionally, on a serial link. Its firmware path is the device's real one (dev.portal.device.
 * firmware): a "restart" ends this incarnation and boots the next from the slot the pointer names. A firmware
 * JAR containing the entry {@link #BROKEN_SELFTEST} fails its health check, as a broken build would. Like a 1.1
 * portal it holds no toy key: it reports a tag's save areas (ToyAreas) and writes the images a host signed
 * (WriteArea). It answers Rebirth, WriteArea, ShowVerdict, WriteToy (refused) and FirmwareChunk only: calibration
 * and configuration are tested against the real device service, whose replies and reports a fake must not re-type.
 */
public final class FakePortal implements AutoCloseable {
    public static final String BROKEN_SELFTEST = "selftest/fails";
    /** The toy key the fake's tags are made with: the host's, which tests give portalctl (--toy-key-file). */
    private static final String TOY_KEY_HEX = "7a3c91e05b4d28f6".repeat(4);
    public static final FleetKey TOY_KEY = FleetKey.fromHex(TOY_KEY_HEX);

    private final String deviceId;
    private final String brokerUri;
    private final Path dataDir;
    private final Optional<PublicKey> firmwareKey;
    private final Duration healthDeadline;
    private final ExecutorService commands = Executors.newSingleThreadExecutor();
    private final Map<Integer, PadCalibration> calibration = new TreeMap<>();
    private final Map<Integer, FakeTag> tags = new ConcurrentHashMap<>();
    private final List<Consumer<Message>> extraSinks = new CopyOnWriteArrayList<>();
    private volatile Incarnation now;
    public final List<String> bootedVersions = new CopyOnWriteArrayList<>();
    /** Told of every firmware chunk before it is handled (tests cut the connection here). */
    public volatile Consumer<FirmwareChunk> chunkSpy = c -> { };

    /** A tag to lay on a pad: blank, or carrying {@code record} signed with {@link #TOY_KEY} (then damaged if TAMPERED). */
    public record Tag(Uid uid, ToyVerdict verdict, Optional<ToyRecord> record) {
    }

    /** {@link #TOY_KEY} in a file in {@code dir}, for portalctl's --toy-key-file. */
    public static Path writeToyKey(Path dir) throws IOException {
        return Files.writeString(dir.resolve("toy.key"), TOY_KEY_HEX + "\n");
    }

    public FakePortal(String brokerUri, String deviceId, Path dataDir, PublicKey firmwareKey, Duration healthDeadline) {
        this.brokerUri = brokerUri;
        this.deviceId = deviceId;
        this.dataDir = dataDir;
        this.firmwareKey = Optional.ofNullable(firmwareKey);
        this.healthDeadline = healthDeadline;
        calibration.put(0, new PadCalibration(0, 38, 3));
        calibration.put(1, new PadCalibration(1, 38, 3));
    }

    public synchronized FakePortal start() throws Exception {
        now = new Incarnation(this);
        bootedVersions.add(now.version);
        now.boot();
        return this;
    }

    /** The version running now. */
    public String version() {
        return now.version;
    }

    public String deviceId() {
        return deviceId;
    }

    public SlotStore slots() {
        return now.slots;
    }

    /** Also answer commands (and send events) through {@code sink}, e.g. a serial link. */
    public void addSink(Consumer<Message> sink) {
        extraSinks.add(sink);
    }

    /** Lays a tag on a pad: TagPlaced and the ToyAreas of what it carries. */
    public void place(int pad, Tag tag) {
        FakeTag t = FakeTag.made(tag, TOY_KEY);
        tags.put(pad, t);
        emit(new TagPlaced(pad, 0, tag.uid(), TagType.NTAG215));
        emit(t.report(pad, 0));
    }

    /** What the tag on {@code pad} holds now, as the host judges it. */
    public Optional<ToyReadResult> tagOn(int pad) {
        return Optional.ofNullable(tags.get(pad)).map(t -> t.report(pad, 0).judge(TOY_KEY));
    }

    public void heartbeat() {
        emit(new Heartbeat(new HealthCounters(42, 2000, 1, 0, 0, 0, 0, 0, 0, tags.size())));
    }

    public Birth birth() {
        return new Birth(deviceId, now.version, EnumSet.of(Capability.TOY_WRITE,
                Capability.FIRMWARE_UPDATE, Capability.SERIAL_CONSOLE, Capability.HOST_JUDGED),
                List.of(new PadInfo(0, 1, "MFRC522 v2.0 (fake)"), new PadInfo(1, 1, "MFRC522 v2.0 (fake)")),
                new Calibration(List.copyOf(calibration.values())), 0);
    }

    /** Answers one command; every message it causes goes to {@code out}. */
    public void handle(Command c, Consumer<Message> out) {
        commands.execute(() -> {
            switch (c.body()) {
                case Rebirth r -> {
                    out.accept(new CommandResult(c.correlationId(), Status.OK, "birth sent"));
                    out.accept(birth());
                }
                case WriteArea w -> write(c.correlationId(), w, out);
                case ShowVerdict v -> out.accept(new CommandResult(c.correlationId(), on(v.pad(), v.uid()).isPresent()
                        ? Status.OK : Status.NO_TAG, "verdict " + v.verdict()));
                case WriteToy w -> out.accept(new CommandResult(c.correlationId(), Status.REJECTED,
                        "this portal holds no toy key: the host sends write_area (protocol 1.1)"));
                case FirmwareChunk f -> {
                    chunkSpy.accept(f);
                    FirmwareUpdater.Reply reply = now.firmware.handle(c.correlationId(), f);
                    out.accept(reply.result());
                    now.firmware.afterSent(reply);
                }
                // Calibrate and ConfigSet are the real device's alone (SimulatedDeviceTest, DeviceSerialConsoleTest):
                // a fake that re-typed their replies would keep portalctl's tests passing on stale text.
                default -> out.accept(new CommandResult(c.correlationId(), Status.UNKNOWN_COMMAND, "not in the fake"));
            }
        });
    }

    private Optional<FakeTag> on(int pad, Uid uid) {
        return Optional.ofNullable(tags.get(pad)).filter(t -> t.uid().equals(uid));
    }

    /** As a 1.1 portal: only onto the areas the host planned from; the read-back is reported before the answer. */
    private void write(long id, WriteArea w, Consumer<Message> out) {
        Optional<FakeTag> t = on(w.pad(), w.uid());
        if (t.isEmpty()) {
            out.accept(new CommandResult(id, Status.NO_TAG, "that toy is not on pad " + w.pad()));
            return;
        }
        ToyAreas before = t.get().report(w.pad(), w.slot());
        if (before.digest() != w.expectedDigest()) {
            out.accept(before);
            out.accept(new CommandResult(id, Status.REJECTED, "the toy changed since the host read it"));
            return;
        }
        t.get().write(w);
        out.accept(t.get().report(w.pad(), w.slot()));
        out.accept(new CommandResult(id, Status.OK, "wrote " + w.image().length() + " bytes to area " + w.target()
                + ", read back"));
    }

    void emit(Message m) {
        Incarnation i = now;
        if (i != null) {
            i.publish(m);
        }
        extraSinks.forEach(s -> s.accept(m));
    }

    /** Drops off the broker for a while (cable pulled, Wi-Fi gone), then comes back in the same boot. */
    public void dropOffFor(Duration outage) {
        Incarnation i = now;
        i.mqtt.close();
        Thread.ofPlatform().name("fake-reconnect").start(() -> {
            try {
                Thread.sleep(outage.toMillis());
                i.mqtt.reconnect();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Simulates a process restart into whatever slot the pointer names. */
    void restart(String why) {
        Thread.ofPlatform().name("fake-restart").start(() -> {
            synchronized (this) {
                now.close();
                try {
                    now = new Incarnation(this);
                    bootedVersions.add(now.version);
                    now.boot();
                } catch (Exception e) {
                    throw new IllegalStateException("fake portal could not restart: " + e, e);
                }
            }
        });
    }

    @Override
    public synchronized void close() {
        if (now != null) {
            now.close();
        }
        commands.shutdownNow();
    }

    /** One run of the "process": its boot id, MQTT client and firmware service, wired as the device wires them. */
    static final class Incarnation implements AutoCloseable {
        final FakePortal portal;
        final SlotStore slots;
        final FirmwareService firmware;
        final String version;
        final FakeMqtt mqtt;

        Incarnation(FakePortal p) throws IOException {
            portal = p;
            FirmwareSettings settings = new FirmwareSettings(p.dataDir.resolve("firmware"), p.firmwareKey, 8 << 20,
                    p.healthDeadline, "1.0.0", DeviceId.of(p.deviceId), WallClock.HOST);
            slots = new SlotStore(settings.firmwareDir());
            BootGuard.chooseSlot(slots); // the launcher's step
            firmware = FirmwareService.open(settings, p::restart, this::publish);
            version = firmware.runningVersion();
            mqtt = new FakeMqtt(p.brokerUri, p.deviceId, this::onCommand);
        }

        void boot() throws Exception {
            mqtt.connect();
            publish(portal.birth());
            firmware.started(List.of(new HealthCheck.Probe() {
                public String name() {
                    return "self-test";
                }

                public boolean healthy() {
                    return mqtt.connected() && selfTestPasses();
                }
            }), Duration.ofMillis(100));
        }

        private boolean selfTestPasses() {
            try {
                Optional<Path> jar = slots.jar(slots.current());
                if (jar.isEmpty()) {
                    return true;
                }
                try (ZipFile z = new ZipFile(jar.get().toFile())) {
                    return z.getEntry(BROKEN_SELFTEST) == null;
                }
            } catch (IOException e) {
                return false;
            }
        }

        private void onCommand(byte[] payload) {
            try {
                Frame f = FrameCodec.decode(payload);
                if (f.message() instanceof Command c) {
                    portal.handle(c, this::publish);
                }
            } catch (FrameException e) {
                // a real portal counts these; the fake ignores them
            }
        }

        void publish(Message m) {
            mqtt.publish(m);
        }

        @Override
        public void close() {
            firmware.close();
            mqtt.close();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
