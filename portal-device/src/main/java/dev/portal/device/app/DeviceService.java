package dev.portal.device.app;

import dev.portal.device.command.CommandService;
import dev.portal.device.command.DeviceControl;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.RuntimeSettings;
import dev.portal.device.config.SerialConfig;
import dev.portal.device.firmware.FirmwareService;
import dev.portal.device.firmware.FirmwareVersion;
import dev.portal.device.frame.FrameEmitter;
import dev.portal.device.health.HealthStats;
import dev.portal.device.health.HeartbeatTask;
import dev.portal.device.led.PadLights;
import dev.portal.device.mqtt.DeliveryStats;
import dev.portal.device.mqtt.OutboxPublisher;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.presence.PadPoller;
import dev.portal.device.presence.PresenceService;
import dev.portal.device.presence.SlotTable;
import dev.portal.device.serial.CableGuard;
import dev.portal.device.serial.JSerialCommPort;
import dev.portal.device.serial.SerialLink;
import dev.portal.device.store.SettingsStore;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
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
 * The running portal: starts and stops its parts (outbox, frame emitter, pads, commands, heartbeat and MQTT
 * delivery, wired by {@link PortalAssembly}) and serves the commands' {@link DeviceControl} calls. The first
 * frame of every boot is a Birth; another follows on every (re)connect and after any change the host should know
 * about (calibration, configuration).
 */
public final class DeviceService implements DeviceControl, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceService.class);
    /** How long a restart waits for the outbox to drain: a broker that is away must not keep the portal up. */
    private static final Duration REBOOT_DRAIN = Duration.ofSeconds(3);

    private final DeviceConfig config;
    private final Outbox outbox;
    private final FrameEmitter emitter;
    private final HealthStats health;
    private final SlotTable slots;
    private final PresenceService presence;
    private final CommandService commands;
    private final OutboxPublisher delivery;
    private final SettingsStore settings;
    private final PadLights lights;
    private final Runnable rebootAction;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final HeartbeatTask heartbeat;
    private ScheduledFuture<?> heartbeatFuture;
    private volatile RuntimeSettings runtime;
    private volatile boolean firstConnect = true;
    private final Optional<FirmwareService> firmware;
    private volatile SerialLink console;

    /** Made by {@link PortalAssembly#assemble}; the parts that call back into the service are made here. */
    DeviceService(PortalAssembly parts) throws IOException {
        this.config = parts.config;
        this.lights = parts.lights;
        this.rebootAction = parts.rebootAction;
        this.settings = parts.settings;
        this.runtime = parts.runtime;
        this.health = parts.health;
        this.outbox = parts.outbox;
        this.emitter = parts.emitter;
        this.slots = parts.slots;
        this.presence = parts.presence;
        this.firmware = parts.firmware(reason -> {
            LOG.warn("restarting: {}", reason);
            reboot();
        });
        this.commands = parts.commands(this, firmware);
        this.delivery = parts.delivery(this::onConnected, commands::submit);
        this.heartbeat = parts.heartbeat(delivery);
    }

    /** The service's version, from the jar manifest ("dev" when run from classes). */
    public static String version() {
        String v = DeviceService.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
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
        if (s.technicianKey().isEmpty()) {
            LOG.warn("serial console on {}: no serial.technicianPublicKeyFile, so the cable is read-only", s.port());
        }
        CableGuard guard = new CableGuard(s.technicianKey(), config.deviceId(), Clock.systemUTC());
        try {
            SerialLink link = SerialLink.forwarding(JSerialCommPort.open(s.port(), s.baud(), 100), commands::submit,
                    guard, emitter.bootId()).start();
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
        // TOY_WRITE with HOST_JUDGED: the portal writes the area images the host signs (WriteArea), not WriteToy
        EnumSet<Capability> caps = EnumSet.of(Capability.LED, Capability.TOY_WRITE, Capability.CALIBRATION,
                Capability.CONFIG, Capability.MULTI_TAG, Capability.HOST_JUDGED,
                Capability.FOREIGN_TOYS);
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
            presence.setInterval(next.pollInterval());
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

    /** The figures of the last heartbeat this service sent (the portal's metrics page reads them). */
    public java.util.Optional<dev.portal.protocol.frame.HealthCounters> lastHeartbeat() {
        return heartbeat.last();
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
