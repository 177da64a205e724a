package dev.portal.device.firmware;

import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the device service needs for firmware updates behind three calls: {@link #handle} for each
 * FirmwareChunk command, {@link #afterSent} once its result is in the outbox, and {@link #started} once the
 * service is up (connected, Birth sent), which runs the health check of a version on probation and sends the
 * outcome of an update decided before the restart. Outcomes go to {@code results} as CommandResults for the
 * correlation id of the update's last chunk: OK "committed ..." or FAILED "rolled back to ...".
 */
public final class FirmwareService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FirmwareService.class);
    private final SlotStore slots;
    private final BootGuard guard;
    private final FirmwareUpdater updater;
    private final ScheduledExecutorService timer;
    private final Consumer<CommandResult> results;
    private HealthCheck check;

    private FirmwareService(SlotStore slots, BootGuard guard, FirmwareUpdater updater, ScheduledExecutorService timer,
                            Consumer<CommandResult> results) {
        this.slots = slots;
        this.guard = guard;
        this.updater = updater;
        this.timer = timer;
        this.results = results;
    }

    /**
     * @param restart ends the process so the launcher starts the current slot (production: drain the outbox,
     *                exit {@link RestartHook#EXIT_CODE})
     * @param results where outcomes go (production: the frame emitter, so they travel through the outbox)
     */
    public static FirmwareService open(FirmwareSettings settings, RestartHook restart, Consumer<CommandResult> results)
            throws IOException {
        SlotStore slots = new SlotStore(settings.firmwareDir());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "firmware");
            t.setDaemon(true);
            return t;
        });
        FirmwareService[] self = new FirmwareService[1];
        BootGuard guard = new BootGuard(slots, settings.healthDeadline(), restart, timer, o -> self[0].send(o));
        FirmwareUpdater updater = new FirmwareUpdater(settings, slots,
                new FirmwareReceiver(settings.firmwareDir().resolve("staging")), guard, restart);
        self[0] = new FirmwareService(slots, guard, updater, timer, results);
        return self[0];
    }

    public String runningVersion() throws IOException {
        return updater.runningVersion();
    }

    /** The service is up: report what was decided before the restart, and prove a new version healthy. */
    public synchronized void started(List<HealthCheck.Probe> probes, Duration interval) throws IOException {
        guard.unreported().ifPresent(this::send);
        if (guard.onStart()) {
            check = new HealthCheck(guard, probes);
            check.start(timer, interval);
        } else {
            guard.markHealthy(); // a committed or factory version refreshes its marker
        }
    }

    public FirmwareUpdater.Reply handle(long correlationId, FirmwareChunk chunk) {
        return updater.handle(correlationId, chunk);
    }

    /** Call once the reply is stored for sending: restarts into a freshly installed version when it asked for that. */
    public void afterSent(FirmwareUpdater.Reply reply) {
        updater.afterSent(reply);
    }

    public boolean onProbation() throws IOException {
        return guard.onProbation();
    }

    public String currentSlot() throws IOException {
        return slots.current();
    }

    private void send(UpdateOutcome o) {
        results.accept(new CommandResult(o.correlationId(), o.committed() ? Status.OK : Status.FAILED, o.detail()));
        try {
            guard.reported(o);
        } catch (IOException e) {
            log.warn("could not clear the reported update outcome; it will be sent again: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (check != null) {
            check.close();
        }
        guard.close();
        timer.shutdownNow();
    }
}
