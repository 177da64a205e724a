package dev.portal.device.firmware;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits or rolls back an installed update. At every start of the service it looks at the pending update:
 * the new slot already marked healthy is committed (which raises the portal's {@link SecurityFloor} to its
 * security version); a second start of the new slot without the mark means the
 * first one crashed, so it switches back at once; otherwise it counts the start and arms the deadline, at
 * which a still unhealthy version is switched back and the service restarted into the previous one.
 * The launcher runs {@link #chooseSlot} before it starts any jar and records each launch of a slot on
 * probation, so a version that dies before its own guard runs is caught too.
 */
public final class BootGuard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BootGuard.class);
    private final SlotStore slots;
    private final SecurityFloor floor;
    private final Duration deadline;
    private final RestartHook restart;
    private final ScheduledExecutorService timer;
    private final Consumer<UpdateOutcome> outcomes;
    private ScheduledFuture<?> watchdog;

    /**
     * @param outcomes told of every outcome as it is decided (it is also kept on disk until {@link #reported})
     */
    public BootGuard(SlotStore slots, Duration deadline, RestartHook restart, ScheduledExecutorService timer,
                     Consumer<UpdateOutcome> outcomes) {
        this.slots = slots;
        this.floor = new SecurityFloor(slots);
        this.deadline = deadline;
        this.restart = restart;
        this.timer = timer;
        this.outcomes = outcomes;
    }

    /**
     * Launcher step: settles a crashed update and names the slot to run ("a", "b" or factory). A slot on
     * probation that was launched or started before without reaching healthy is rolled back; otherwise this
     * launch is recorded, durably (atomic write, fsync), before the caller names the jar, so a jar that dies
     * before its own guard runs is caught at the next launch.
     */
    public static String chooseSlot(SlotStore slots) throws IOException {
        Optional<PendingUpdate> found = PendingUpdate.load(slots);
        if (found.isEmpty() || !found.get().slot().equals(slots.current()) || slots.isHealthy(found.get().slot())) {
            return slots.current(); // nothing on probation, an interrupted switch or a health mark: onStart settles it
        }
        PendingUpdate p = found.get();
        if (p.boots() >= 1) {
            rollBack(slots, p, "version " + p.version() + " stopped before it reported healthy");
        } else if (p.launches() >= 1) {
            rollBack(slots, p, "version " + p.version() + " stopped before its service started");
        } else {
            p.withLaunches(1).save(slots);
        }
        return slots.current();
    }

    /** Service start. Returns true when this start runs an update still on probation. */
    public synchronized boolean onStart() throws IOException {
        Optional<PendingUpdate> found = PendingUpdate.load(slots);
        if (found.isEmpty()) {
            return false;
        }
        PendingUpdate p = found.get();
        String current = slots.current();
        if (!p.slot().equals(current)) {
            PendingUpdate.clear(slots);
            decided(new UpdateOutcome(p.correlationId(), false, p.version(),
                    "update to " + p.version() + " was interrupted before the switch; still running " + p.previousVersion()));
            return false;
        }
        if (slots.isHealthy(p.slot())) {
            commit(p);
            return false;
        }
        if (p.boots() >= 1) {
            decided(rollBack(slots, p, "version " + p.version() + " stopped before it reported healthy"));
            restart.restart("rolled back to " + p.previousVersion());
            return false;
        }
        p.withBoots(p.boots() + 1).save(slots);
        log.info("running firmware {} on probation: it must report healthy within {}", p.version(), deadline);
        watchdog = timer.schedule(this::deadlinePassed, deadline.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** The health check passed: keeps the running version (commits a pending update). */
    public synchronized void markHealthy() throws IOException {
        String current = slots.current();
        slots.markHealthy(current);
        Optional<PendingUpdate> p = PendingUpdate.load(slots);
        if (p.isPresent() && p.get().slot().equals(current)) {
            commit(p.get());
        }
    }

    /** An outcome that was decided but not yet sent (e.g. the one from before the restart). */
    public Optional<UpdateOutcome> unreported() throws IOException {
        return UpdateOutcome.load(slots);
    }

    /** The outcome reached the technician's tool (or the broker): forget it. */
    public void reported(UpdateOutcome outcome) throws IOException {
        Optional<UpdateOutcome> kept = UpdateOutcome.load(slots);
        if (kept.isPresent() && kept.get().correlationId() == outcome.correlationId()) {
            UpdateOutcome.clear(slots);
        }
    }

    public synchronized boolean onProbation() throws IOException {
        Optional<PendingUpdate> p = PendingUpdate.load(slots);
        return p.isPresent() && p.get().slot().equals(slots.current());
    }

    private void deadlinePassed() {
        UpdateOutcome outcome;
        synchronized (this) {
            try {
                Optional<PendingUpdate> p = PendingUpdate.load(slots);
                if (p.isEmpty() || !p.get().slot().equals(slots.current()) || slots.isHealthy(p.get().slot())) {
                    return;
                }
                outcome = rollBack(slots, p.get(), "version " + p.get().version() + " did not report healthy within "
                        + String.format(java.util.Locale.ROOT, "%.1f s", deadline.toMillis() / 1000.0));
                decided(outcome);
            } catch (IOException e) {
                log.error("rollback failed; the launcher will retry it at the next start", e);
                restart.restart("rollback failed: " + e.getMessage());
                return;
            }
        }
        restart.restart(outcome.detail());
    }

    private void commit(PendingUpdate p) throws IOException {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        // raised before the pending record goes: a power cut in between commits again, which raises nothing twice
        floor.raiseTo(p.securityVersion());
        PendingUpdate.clear(slots);
        log.info("firmware {} is healthy: committed (security version {})", p.version(), p.securityVersion());
        decided(new UpdateOutcome(p.correlationId(), true, p.version(),
                "committed " + p.version() + " in slot " + p.slot() + " (was " + p.previousVersion() + ")"));
    }

    private static UpdateOutcome rollBack(SlotStore slots, PendingUpdate p, String why) throws IOException {
        log.warn("{}: rolling back to {} ({})", why, p.previousVersion(), p.previousSlot());
        slots.switchTo(p.previousSlot());
        UpdateOutcome outcome = new UpdateOutcome(p.correlationId(), false, p.version(),
                "rolled back to " + p.previousVersion() + ": " + why);
        outcome.save(slots);
        PendingUpdate.clear(slots);
        return outcome;
    }

    private void decided(UpdateOutcome outcome) throws IOException {
        outcome.save(slots);
        outcomes.accept(outcome);
    }

    @Override
    public synchronized void close() {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
    }
}
