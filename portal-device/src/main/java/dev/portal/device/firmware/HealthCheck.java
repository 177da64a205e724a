package dev.portal.device.firmware;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves a freshly started version works before it is kept: runs the probes (broker connected, Birth sent,
 * readers answering...) every interval until all pass, then writes the slot's healthy marker through the
 * boot guard, which commits a pending update. It never gives up by itself: the guard's deadline decides.
 */
public final class HealthCheck implements AutoCloseable {
    /** One thing that must work. */
    public interface Probe {
        String name();

        boolean healthy();
    }

    private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);
    private final BootGuard guard;
    private final List<Probe> probes;
    private ScheduledFuture<?> task;
    private volatile boolean passed;

    public HealthCheck(BootGuard guard, List<Probe> probes) {
        this.guard = guard;
        this.probes = List.copyOf(probes);
    }

    public synchronized void start(ScheduledExecutorService timer, Duration interval) {
        task = timer.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the probes once; true once they have all passed and the marker is written. */
    public boolean runOnce() {
        if (passed) {
            return true;
        }
        List<String> failing = new ArrayList<>();
        for (Probe p : probes) {
            boolean ok;
            try {
                ok = p.healthy();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                failing.add(p.name());
            }
        }
        if (!failing.isEmpty()) {
            log.debug("health check waiting for {}", failing);
            return false;
        }
        try {
            guard.markHealthy();
        } catch (IOException e) {
            log.error("cannot write the healthy marker", e);
            return false;
        }
        passed = true;
        synchronized (this) {
            if (task != null) {
                task.cancel(false);
            }
        }
        return true;
    }

    public boolean passed() {
        return passed;
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
