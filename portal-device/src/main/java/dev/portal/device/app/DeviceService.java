package dev.portal.device.app;

import dev.portal.device.command.CommandService;
import dev.portal.device.command.CommandServiceBuilder;
import dev.portal.device.command.DeviceControl;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.RuntimeSettings;
import dev.portal.device.config.SerialConfig;
import dev.portal.device.firmware.FirmwareService;
import dev.portal.device.firmware.FirmwareVersion;
import dev.portal.device.frame.BootClock;
import dev.portal.device.frame.FrameEmitter;
import dev.portal.device.health.HealthStats;
import dev.portal.device.health.HeartbeatTask;
import dev.portal.device.led.PadLights;
import dev.portal.device.mqtt.DeliveryStats;
import dev.portal.device.mqtt.OutboxPublisher;
import dev.portal.link.DeviceId;
import dev.portal.link.LinkException;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.presence.PadPoller;
import dev.portal.device.presence.PadPollerBuilder;
import dev.portal.device.presence.PresenceService;
import dev.portal.device.presence.SlotTable;
import dev.portal.device.toy.ToyJudge;
import dev.portal.device.serial.JSerialCommPort;
import dev.portal.device.serial.SerialLink;
import dev.portal.device.store.CommandResultStore;
import dev.portal.device.store.SettingsStore;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.toy.FleetKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The running portal: outbox, frame emitter, pads, commands, heartbeat and MQTT delivery, wired together.
 * The first frame of every boot is a Birth; another follows on every (re)connect and after any change the
 * host should know about (calibration, configuration).
 */
public final class DeviceService implements DeviceControl, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceService.class);
    /** How long a restart waits for the outbox to drain: a broker that is away must not keep the portal up. */
    private static final Duration REBOOT_DRAIN = Duration.ofSeconds(3);

    private final DeviceConfig config;
    private final Outbox outbox;
    private final FrameEmitter emitter;
    private final BootClock clock;
    private final HealthStats health = new HealthStats();
    private final SlotTable slots;
    private final PresenceService presence;
    private final CommandService commands;
    private final OutboxPublisher delivery;
    private final SettingsStore settings;
    private final PadLights lights;
    private final Runnable rebootAction;
    private final ScheduledExecutorService timers;
    private final HeartbeatTask heartbeat;
    private ScheduledFuture<?> heartbeatFuture;
    private volatile RuntimeSettings runtime;
    private volatile boolean firstConnect = true;
    private final Optional<FirmwareService> firmware;
    private volatile SerialLink console;

    public DeviceService(DeviceConfig config, List<NfcReader> readers, PadLights lights,
                         BootClock clock, Runnable rebootAction) throws IOException {
        this.config = config;
        this.clock = clock;
        this.lights = lights;
        this.rebootAction = rebootAction;
        this.settings = new SettingsStore(config.stateDirectory());
        CommandResultStore results = new CommandResultStore(config.stateDirectory());
        RuntimeSettings stored = settings.loadRuntime().orElse(config.runtime());
        this.runtime = stored.version() >= config.runtime().version() ? stored : config.runtime();
        Optional<FleetKey> key = Optional.empty();
        if (config.fleetKeyFile().isPresent()) {
            key = Optional.of(FleetKey.fromFile(config.fleetKeyFile().get()));
            LOG.info("fleet key {} loaded", key.get().id());
        } else {
            LOG.warn("no fleetKeyFile configured: toys read as UNKNOWN and cannot be written");
        }
        this.outbox = Outbox.open(config.outbox());
        long bootId = FrameEmitter.newBootId();
        this.emitter = new FrameEmitter(outbox, clock, bootId);
        this.firmware = openFirmware(config);
        this.slots = new SlotTable(config.maxToys());
        List<PadCalibration> saved = settings.loadCalibration();
        List<PadPoller> pollers = new ArrayList<>();
        PadPollerBuilder pads = PadPoller.builder().slots(slots).sink(emitter).judge(new ToyJudge(key))
                .lights(lights).health(health).clock(clock::millisSinceStart);
        for (int pad = 0; pad < readers.size(); pad++) {
            int p = pad;
            PadCalibration cal = saved.stream().filter(c -> c.pad() == p).findFirst()
                    .orElse(new PadCalibration(p, runtime.antennaGainDb(), runtime.removalMissThreshold()));
            pollers.add(pads.pad(pad).reader(readers.get(pad)).calibration(cal).build());
        }
        this.presence = new PresenceService(pollers, interval(runtime));
        CommandServiceBuilder commandParts = CommandService.builder().sink(emitter).presence(presence).slots(slots)
                .fleetKey(key).lights(lights).health(health).control(this)
                .rememberedResults(results.load(), remembered -> {
                    try {
                        results.save(remembered);
                    } catch (IOException e) {
                        LOG.warn("could not keep command results: {}", e.toString());
                    }
                });
        if (config.firmware().updatesEnabled()) {
            firmware.ifPresent(commandParts::firmware);
        }
        this.commands = commandParts.build();
        try {
            this.delivery = new OutboxPublisher(config.mqtt(), outbox, DeviceId.of(config.deviceId()), bootId,
                    this::onConnected, commands::submit);
        } catch (LinkException e) {
            throw new IOException("MQTT set-up failed: " + e.getMessage(), e);
        }
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat");
            t.setDaemon(true);
            return t;
        });
        long resetsAtStart = driverResets(readers);
        this.heartbeat = new HeartbeatTask(emitter, health, outbox::stats, delivery::stats, clock::millisSinceStart,
                () -> driverResets(readers) - resetsAtStart);
        LOG.info("portal {} boot {} with {} pads, {} slots", config.deviceId(), String.format("%08x", bootId),
                readers.size(), config.maxToys());
    }

    private static long driverResets(List<NfcReader> readers) {
        return readers.stream().mapToLong(r -> r.health().resets()).sum();
    }

    /** The service's version, from the jar manifest ("dev" when run from classes). */
    public static String version() {
        String v = DeviceService.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * With a firmware key the slots must work (the config check made sure the folder is writable). Without one,
     * a firmware folder that cannot be created (an older portal.json without dataDirectory, say) costs nothing
     * but the update feature: the service runs on.
     */
    private Optional<FirmwareService> openFirmware(DeviceConfig config) throws IOException {
        try {
            FirmwareService fw = FirmwareService.open(config.firmware().settings(factoryVersion()), reason -> {
                LOG.warn("restarting: {}", reason);
                reboot();
            }, emitter::emit);
            if (!config.firmware().updatesEnabled()) {
                LOG.info("no firmware.publicKeyFile configured: firmware updates are refused");
            }
            return Optional.of(fw);
        } catch (IOException e) {
            if (config.firmware().updatesEnabled()) {
                throw e;
            }
            LOG.warn("firmware folder {} unusable ({}); running without firmware slots", config.firmware().directory(),
                    e.toString());
            return Optional.empty();
        }
    }

    /** The installed (factory) jar's version as a firmware version; builds run from classes count as 0.0.0-dev. */
    static String factoryVersion() {
        String v = version();
        return FirmwareVersion.isValid(v) ? v : "0.0.0-dev";
    }

    /** The version running now: an installed update's, else the factory jar's. */
    public String firmwareVersion() {
        try {
            return firmware.isPresent() ? firmware.get().runningVersion() : factoryVersion();
        } catch (IOException e) {
            LOG.warn("cannot read the firmware slot: {}", e.toString());
            return factoryVersion();
        }
    }

    private static Duration interval(RuntimeSettings r) {
        return Duration.ofNanos(1_000_000_000L / r.pollHz());
    }

    public void start() {
        config.serial().ifPresent(this::openConsole);
        rebirth(); // the first frame of the boot
        presence.start();
        scheduleHeartbeat();
        delivery.start();
        // Started with the service, not at the first connect: a version that never reaches the broker must
        // still meet its health deadline and be rolled back.
        try {
            if (firmware.isPresent()) {
                firmware.get().started(HealthProbes.of(() -> delivery.stats().connected(), health.polls::get,
                        emitter::failures), Duration.ofSeconds(1));
            }
        } catch (IOException e) {
            LOG.error("firmware health check could not start: {}", e.toString(), e);
        }
    }

    /** A console that cannot open is logged and left out: the portal still serves its pads and the broker. */
    private void openConsole(SerialConfig s) {
        try {
            SerialLink link = SerialLink.forwarding(JSerialCommPort.open(s.port(), s.baud(), 100), commands::submit,
                    emitter.bootId()).start();
            console = link;
            emitter.mirrorTo(link::sendEncoded);
            LOG.info("serial console on {} at {} baud", s.port(), s.baud());
        } catch (IOException | RuntimeException e) {
            LOG.error("serial console on {} not available: {}", s.port(), e.getMessage());
        }
    }

    private synchronized void scheduleHeartbeat() {
        if (heartbeatFuture != null) {
            heartbeatFuture.cancel(false);
        }
        long s = runtime.heartbeatSeconds();
        heartbeatFuture = timers.scheduleAtFixedRate(() -> {
            try {
                heartbeat.run();
            } catch (RuntimeException e) {
                LOG.error("heartbeat failed: {}", e.toString(), e);
            }
        }, s, s, TimeUnit.SECONDS);
    }

    private void onConnected() {
        if (firstConnect && emitter.nextSequence() == 1) {
            firstConnect = false; // the boot's Birth is still the only frame: no need for a second
            return;
        }
        firstConnect = false;
        rebirth();
    }

    @Override
    public void rebirth() {
        List<PadInfo> pads = new ArrayList<>();
        List<PadCalibration> cals = new ArrayList<>();
        for (PadPoller p : presence.pollers()) {
            var chip = p.reader().chipInfo();
            pads.add(new PadInfo(p.pad(), config.maxToys(), chip.chip() + " v" + chip.version()));
            cals.add(p.calibration());
        }
        EnumSet<Capability> caps = EnumSet.of(Capability.LED, Capability.TOY_WRITE, Capability.CALIBRATION,
                Capability.CONFIG, Capability.MULTI_TAG);
        if (config.firmware().updatesEnabled()) {
            caps.add(Capability.FIRMWARE_UPDATE);
        }
        emitter.emit(new Birth(config.deviceId(), firmwareVersion(), caps, pads, new Calibration(cals),
                runtime.version()));
    }

    @Override
    public RuntimeSettings runtime() {
        return runtime;
    }

    @Override
    public synchronized void applyRuntime(RuntimeSettings next) throws IOException {
        settings.saveRuntime(next);
        RuntimeSettings before = runtime;
        runtime = next;
        if (next.pollHz() != before.pollHz()) {
            presence.setInterval(interval(next));
        }
        if (next.heartbeatSeconds() != before.heartbeatSeconds()) {
            scheduleHeartbeat();
        }
        if (next.removalMissThreshold() != before.removalMissThreshold() || next.antennaGainDb() != before.antennaGainDb()) {
            for (PadPoller p : presence.pollers()) {
                PadCalibration c = new PadCalibration(p.pad(), next.antennaGainDb(), next.removalMissThreshold());
                presence.onPad(p.pad(), () -> {
                    p.calibrate(c);
                    return null;
                });
            }
        }
        LOG.info("runtime config version {} applied: {}", next.version(), next.asEntries());
    }

    @Override
    public void calibrationChanged() throws IOException {
        settings.saveCalibration(presence.pollers().stream().map(PadPoller::calibration).toList());
    }

    @Override
    public void reboot() {
        Thread t = new Thread(() -> {
            try {
                outbox.awaitDrained(REBOOT_DRAIN); // what explains the restart (the Reboot's answer) goes out first
            } catch (InterruptedException e) {
                return;
            }
            LOG.warn("reboot requested by the host");
            rebootAction.run();
        }, "reboot");
        t.setDaemon(true);
        t.start();
    }

    public SlotTable slots() {
        return slots;
    }

    public PresenceService presence() {
        return presence;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Optional<FirmwareService> firmware() {
        return firmware;
    }

    public HealthStats health() {
        return health;
    }

    public DeliveryStats deliveryStats() {
        return delivery.stats();
    }

    public CommandService commands() {
        return commands;
    }

    public PadLights lights() {
        return lights;
    }

    public long bootId() {
        return emitter.bootId();
    }

    public void heartbeatNow() {
        heartbeat.run();
    }

    @Override
    public void close() {
        firmware.ifPresent(FirmwareService::close);
        presence.close();
        commands.close();
        SerialLink link = console;
        if (link != null) {
            emitter.mirrorTo(b -> { });
            link.close();
        }
        timers.shutdownNow();
        delivery.close();
        outbox.close();
        lights.close();
    }
}
