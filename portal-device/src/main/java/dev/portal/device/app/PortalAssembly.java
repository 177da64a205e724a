package dev.portal.device.app;

import dev.portal.device.command.CommandService;
import dev.portal.device.command.CommandServiceBuilder;
import dev.portal.device.command.DeviceControl;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.RuntimeSettings;
import dev.portal.device.firmware.FirmwareService;
import dev.portal.device.firmware.RestartHook;
import dev.portal.device.firmware.WallClock;
import dev.portal.device.frame.BootClock;
import dev.portal.device.frame.FrameEmitter;
import dev.portal.device.frame.KeptFrames;
import dev.portal.device.health.HealthStats;
import dev.portal.device.health.HeartbeatTask;
import dev.portal.device.led.PadLights;
import dev.portal.device.mqtt.OutboxPublisher;
import dev.portal.device.mqtt.ReplayQueue;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.presence.PadPoller;
import dev.portal.device.presence.PadPollerBuilder;
import dev.portal.device.presence.PresenceService;
import dev.portal.device.presence.SlotTable;
import dev.portal.device.store.CommandResultStore;
import dev.portal.device.store.SettingsStore;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.link.DeviceId;
import dev.portal.link.LinkException;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.PadCalibration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a {@link DeviceService} from its configuration: stored runtime settings and calibration, the
 * outbox and frame emitter, the pads, the firmware slots, the command service, MQTT delivery and the
 * heartbeat. The parts made here first call nothing back. Those that do call back into the service (firmware
 * restarts, commands, delivery's onConnected) are made by the service's constructor through the package-private
 * methods below, so the service has all its parts, in final fields, before any of them can reach it.
 */
public final class PortalAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(PortalAssembly.class);

    final DeviceConfig config;
    final PadLights lights;
    final Runnable rebootAction;
    final SettingsStore settings;
    final RuntimeSettings runtime;
    final HealthStats health = new HealthStats();
    final Outbox outbox;
    final FrameEmitter emitter;
    final SlotTable slots;
    final PresenceService presence;
    /** Frames a host asked for again, from the command service to the publisher. */
    private final ReplayQueue replays = new ReplayQueue();
    private final List<NfcReader> readers;
    private final BootClock clock;
    private final CommandResultStore results;

    private PortalAssembly(DeviceConfig config, List<NfcReader> readers, PadLights lights, BootClock clock,
                           Runnable rebootAction) throws IOException {
        this.config = config;
        this.readers = readers;
        this.lights = lights;
        this.clock = clock;
        this.rebootAction = rebootAction;
        this.settings = new SettingsStore(config.stateDirectory());
        this.results = new CommandResultStore(config.stateDirectory());
        RuntimeSettings stored = settings.loadRuntime().orElse(config.runtime());
        this.runtime = stored.version() >= config.runtime().version() ? stored : config.runtime();
        this.outbox = Outbox.open(config.outbox());
        this.emitter = new FrameEmitter(outbox, clock, FrameEmitter.newBootId());
        this.slots = new SlotTable(config.maxToys());
        this.presence = new PresenceService(pollers(settings.loadCalibration()), runtime.pollInterval());
    }

    /**
     * The portal for {@code readers} (pad i is reader i), not yet started. {@code rebootAction} ends the process
     * when the host or a firmware update asks for a restart.
     */
    public static DeviceService assemble(DeviceConfig config, List<NfcReader> readers, PadLights lights,
                                         BootClock clock, Runnable rebootAction) throws IOException {
        DeviceService service = new DeviceService(new PortalAssembly(config, readers, lights, clock, rebootAction));
        LOG.info("portal {} boot {} with {} pads, {} slots", config.deviceId(), String.format("%08x", service.bootId()),
                readers.size(), config.maxToys());
        return service;
    }

    /** One poller a reader, each with its saved calibration, or the runtime settings' for a pad never calibrated. */
    private List<PadPoller> pollers(List<PadCalibration> saved) {
        PadPollerBuilder pads = PadPoller.builder().slots(slots).sink(emitter).lights(lights)
                .health(health).clock(clock::millisSinceStart);
        List<PadPoller> pollers = new ArrayList<>();
        for (int pad = 0; pad < readers.size(); pad++) {
            int p = pad;
            PadCalibration cal = saved.stream().filter(c -> c.pad() == p).findFirst()
                    .orElse(new PadCalibration(p, runtime.antennaGainDb(), runtime.removalMissThreshold()));
            pollers.add(pads.pad(pad).reader(readers.get(pad)).calibration(cal).build());
        }
        return pollers;
    }

    /**
     * The firmware slots. With a firmware key the slots must work (the config check made sure the folder is
     * writable). Without one, a firmware folder that cannot be created (an older portal.json without
     * dataDirectory, say) costs nothing but the update feature: the service runs on.
     */
    Optional<FirmwareService> firmware(RestartHook restart) throws IOException {
        try {
            // the frames' clock says whether NTP has set the time, which a downgrade permission's expiry needs
            FirmwareService fw = FirmwareService.open(config.firmware().settings(DeviceService.factoryVersion(),
                    DeviceId.of(config.deviceId()), WallClock.system(clock::synced)), restart, emitter::emit);
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

    /** Commands answer through the outbox; their results are kept on disk so a repeat after a restart is not re-run. */
    CommandService commands(DeviceControl control, Optional<FirmwareService> firmware) {
        CommandServiceBuilder commands = CommandService.builder().sink(emitter).presence(presence).slots(slots)
                .lights(lights).health(health).control(control)
                .rememberedResults(results.load(), this::keepResults)
                .resends(emitter.bootId(), new KeptFrames(outbox), replays);
        if (config.firmware().updatesEnabled()) {
            firmware.ifPresent(commands::firmware);
        }
        return commands.build();
    }

    private void keepResults(List<CommandResult> remembered) {
        try {
            results.save(remembered);
        } catch (IOException e) {
            LOG.warn("could not keep command results: {}", e.toString());
        }
    }

    OutboxPublisher delivery(Runnable onConnected, Consumer<byte[]> commands) throws IOException {
        try {
            return new OutboxPublisher(config.mqtt(), outbox, DeviceId.of(config.deviceId()), emitter.bootId(),
                    onConnected, commands, replays);
        } catch (LinkException e) {
            throw new IOException("MQTT set-up failed: " + e.getMessage(), e);
        }
    }

    /** Driver resets are reported since this boot, not since the readers were opened. */
    HeartbeatTask heartbeat(OutboxPublisher delivery) {
        long resetsAtStart = driverResets();
        return new HeartbeatTask(emitter, health, outbox::stats, delivery::stats, clock::millisSinceStart,
                () -> driverResets() - resetsAtStart);
    }

    private long driverResets() {
        return readers.stream().mapToLong(r -> r.health().resets()).sum();
    }
}
