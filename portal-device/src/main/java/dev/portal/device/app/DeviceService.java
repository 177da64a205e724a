package dev.portal.device.app;

import dev.portal.device.command.CommandService;
import dev.portal.device.command.DeviceControl;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.RuntimeSettings;
import dev.portal.device.frame.BootClock;
import dev.portal.device.frame.FrameEmitter;
import dev.portal.device.health.HealthStats;
import dev.portal.device.health.HeartbeatTask;
import dev.portal.device.led.PadLights;
import dev.portal.device.mqtt.Delivery;
import dev.portal.device.mqtt.DeliveryStats;
import dev.portal.device.mqtt.MqttLink;
import dev.portal.device.mqtt.Topics;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.presence.PadPoller;
import dev.portal.device.presence.PresenceService;
import dev.portal.device.presence.SlotTable;
import dev.portal.device.presence.ToyJudge;
import dev.portal.device.state.StateStore;
import dev.portal.hardware.mfrc522.Mfrc522Reader;
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

    private final DeviceConfig config;
    private final Outbox outbox;
    private final FrameEmitter emitter;
    private final BootClock clock;
    private final HealthStats health = new HealthStats();
    private final SlotTable slots;
    private final PresenceService presence;
    private final CommandService commands;
    private final Delivery delivery;
    private final StateStore state;
    private final PadLights lights;
    private final Runnable rebootAction;
    private final ScheduledExecutorService timers;
    private final HeartbeatTask heartbeat;
    private ScheduledFuture<?> heartbeatFuture;
    private volatile RuntimeSettings runtime;
    private volatile boolean firstConnect = true;

    public DeviceService(DeviceConfig config, List<NfcReader> readers, PadLights lights, MqttLink link,
                         BootClock clock, Runnable rebootAction) throws IOException {
        this.config = config;
        this.clock = clock;
        this.lights = lights;
        this.rebootAction = rebootAction;
        this.state = new StateStore(config.stateDirectory());
        RuntimeSettings stored = state.loadRuntime().orElse(config.runtime());
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
        this.slots = new SlotTable(config.maxToys());
        List<PadCalibration> saved = state.loadCalibration();
        List<PadPoller> pollers = new ArrayList<>();
        ToyJudge judge = new ToyJudge(key);
        for (int pad = 0; pad < readers.size(); pad++) {
            int p = pad;
            PadCalibration cal = saved.stream().filter(c -> c.pad() == p).findFirst()
                    .orElse(new PadCalibration(p, runtime.antennaGainDb(), runtime.removalMissThreshold()));
            pollers.add(new PadPoller(pad, readers.get(pad), slots, emitter, judge, lights, health,
                    clock::millisSinceStart, cal));
        }
        this.presence = new PresenceService(pollers, interval(runtime));
        this.commands = new CommandService(emitter, presence, slots, key, lights, health, this,
                state.loadResults(), results -> {
                    try {
                        state.saveResults(results);
                    } catch (IOException e) {
                        LOG.warn("could not keep command results: {}", e.toString());
                    }
                });
        Topics topics = new Topics(config.deviceId());
        this.delivery = new Delivery(link, outbox, topics, bootId, config.mqtt(), this::onConnected, commands::submit);
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
        return readers.stream().mapToLong(r -> r instanceof Mfrc522Reader m ? m.health().resets() : 0).sum();
    }

    /** The service's version, from the jar manifest ("dev" when run from classes). */
    public static String version() {
        String v = DeviceService.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static java.time.Duration interval(RuntimeSettings r) {
        return java.time.Duration.ofNanos(1_000_000_000L / r.pollHz());
    }

    public void start() {
        rebirth(); // the first frame of the boot
        presence.start();
        scheduleHeartbeat();
        delivery.start();
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
        emitter.emit(new Birth(config.deviceId(), version(), EnumSet.of(Capability.LED,
                Capability.TOY_WRITE, Capability.CALIBRATION, Capability.CONFIG, Capability.MULTI_TAG), pads,
                new Calibration(cals), runtime.version()));
    }

    @Override
    public RuntimeSettings runtime() {
        return runtime;
    }

    @Override
    public synchronized void applyRuntime(RuntimeSettings next) throws IOException {
        state.saveRuntime(next);
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
        state.saveCalibration(presence.pollers().stream().map(PadPoller::calibration).toList());
    }

    @Override
    public void reboot() {
        Thread t = new Thread(() -> {
            long deadline = System.currentTimeMillis() + 3000;
            while (outbox.stats().depth() > 0 && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
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
        presence.close();
        commands.close();
        timers.shutdownNow();
        delivery.close();
        outbox.close();
        lights.close();
    }
}
