package dev.portal.device.presence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs every pad's poller at the poll rate, each pad on its own scheduled thread (no busy loop; the thread
 * sleeps between polls). Work that needs a pad's reader (writing a toy, calibrating) is queued on that same
 * thread, between two polls, so the reader is never used by two threads.
 */
public final class PresenceService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceService.class);

    private final List<PadPoller> pollers;
    private final List<ScheduledExecutorService> threads = new ArrayList<>();
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private Duration interval;

    public PresenceService(List<PadPoller> pollers, Duration interval) {
        this.pollers = List.copyOf(pollers);
        this.interval = interval;
        for (PadPoller p : this.pollers) {
            threads.add(Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pad-" + p.pad());
                t.setDaemon(true);
                return t;
            }));
        }
    }

    public synchronized void start() {
        for (int i = 0; i < pollers.size(); i++) {
            PadPoller p = pollers.get(i);
            threads.get(i).execute(p::start);
        }
        schedule();
    }

    private void schedule() {
        schedules.forEach(f -> f.cancel(false));
        schedules.clear();
        long nanos = interval.toNanos();
        for (int i = 0; i < pollers.size(); i++) {
            PadPoller p = pollers.get(i);
            // stagger pads so their polls do not all wake at once
            long offset = nanos * i / Math.max(1, pollers.size());
            schedules.add(threads.get(i).scheduleAtFixedRate(() -> safePoll(p), offset, nanos, TimeUnit.NANOSECONDS));
        }
    }

    private static void safePoll(PadPoller p) {
        try {
            p.pollOnce();
        } catch (Throwable t) { // a periodic task that throws is never run again: keep the pad alive
            LOG.error("pad {}: poll failed: {}", p.pad(), t.toString(), t);
        }
    }

    /** Changes the poll rate (a ConfigSet of pollHz). */
    public synchronized void setInterval(Duration interval) {
        this.interval = interval;
        schedule();
    }

    public List<PadPoller> pollers() {
        return pollers;
    }

    public int padCount() {
        return pollers.size();
    }

    /** Runs {@code task} on the pad's thread, between two polls. */
    public <T> CompletableFuture<T> onPad(int pad, Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (pad < 0 || pad >= pollers.size()) {
            f.completeExceptionally(new IllegalArgumentException("no pad " + pad));
            return f;
        }
        try {
            threads.get(pad).execute(() -> {
                try {
                    f.complete(task.call());
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
        } catch (RuntimeException rejected) {
            f.completeExceptionally(rejected);
        }
        return f;
    }

    @Override
    public synchronized void close() {
        schedules.forEach(s -> s.cancel(false));
        for (ScheduledExecutorService t : threads) {
            t.shutdown();
        }
        for (int i = 0; i < threads.size(); i++) {
            try {
                threads.get(i).awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pollers.get(i).reader().close();
        }
    }
}
