package dev.portal.portalctl.testing;

import dev.portal.device.firmware.BootGuard;
import dev.portal.device.firmware.FirmwareService;
import dev.portal.device.firmware.FirmwareSettings;
import dev.portal.device.firmware.FirmwareUpdater;
import dev.portal.device.firmware.HealthCheck;
import dev.portal.device.firmware.SlotStore;
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
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * JAR containing the entry {@link #BROKEN_SELFTEST} fails its health check, as a broken build would. It answers
 * Rebirth, WriteToy and FirmwareChunk only: calibration and configuration are tested against the real device
 * service, whose replies and reports a fake must not re-type.
 */
public final class FakePortal implements AutoCloseable {
    public static final String BROKEN_SELFTEST = "selftest/fails";

    private final String deviceId;
    private final String brokerUri;
    private final Path dataDir;
    private final Optional<PublicKey> firmwareKey;
    private final Duration healthDeadline;
    private final ExecutorService commands = Executors.newSingleThreadExecutor();
    private final Map<Integer, PadCalibration> calibration = new TreeMap<>();
    private final Map<Integer, Tag> tags = new ConcurrentHashMap<>();
    private final List<Consumer<Message>> extraSinks = new CopyOnWriteArrayList<>();
    private volatile Incarnation now;
    public final List<String> bootedVersions = new CopyOnWriteArrayList<>();
    /** Told of every firmware chunk before it is handled (tests cut the connection here). */
    public volatile Consumer<FirmwareChunk> chunkSpy = c -> { };

    /** A tag lying on a pad. */
    public record Tag(Uid uid, ToyVerdict verdict, Optional<ToyRecord> record) {
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

    /** Lays a tag on a pad: TagPlaced and the ToyRead of what it carries. */
    public void place(int pad, Tag tag) {
        tags.put(pad, tag);
        emit(new TagPlaced(pad, 0, tag.uid(), TagType.NTAG215));
        emit(new ToyRead(pad, 0, tag.uid(), tag.verdict(), tag.record()));
    }

    public Optional<Tag> tagOn(int pad) {
        return Optional.ofNullable(tags.get(pad));
    }

    public void heartbeat() {
        emit(new Heartbeat(new HealthCounters(42, 2000, 1, 0, 0, 0, 0, 0, 0, tags.size())));
    }

    public Birth birth() {
        return new Birth(deviceId, now.version, EnumSet.of(Capability.TOY_WRITE,
                Capability.FIRMWARE_UPDATE, Capability.SERIAL_CONSOLE),
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
                case WriteToy w -> write(c.correlationId(), w, out);
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

    private void write(long id, WriteToy w, Consumer<Message> out) {
        Tag t = tags.get(w.pad());
        if (t == null || !t.uid().equals(w.uid())) {
            out.accept(new CommandResult(id, Status.NO_TAG, "that toy is not on pad " + w.pad()));
            return;
        }
        if (t.verdict() == ToyVerdict.TAMPERED || t.verdict() == ToyVerdict.UNKNOWN) {
            out.accept(new CommandResult(id, Status.REJECTED, "toy is " + t.verdict() + "; not overwritten"));
            return;
        }
        tags.put(w.pad(), new Tag(w.uid(), ToyVerdict.RECOGNISED, Optional.of(w.record())));
        out.accept(new CommandResult(id, Status.OK, "written to area A with counter 1, read back and verified"));
        out.accept(ToyRead.recognised(w.pad(), w.slot(), w.uid(), w.record()));
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
                    p.healthDeadline, "1.0.0");
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
