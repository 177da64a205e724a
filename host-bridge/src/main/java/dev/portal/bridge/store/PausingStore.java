package dev.portal.bridge.store;

import dev.portal.link.Backoff;
import dev.portal.link.ReconnectPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Store that waits out an unavailable database: a transaction that fails with
 * {@link StoreUnavailableException} is run again after a pause (0.1 s, doubling to 5 s, jittered), as often as
 * it takes, so the caller sees the database come back rather than a failure. The bridge's one worker thread is
 * the caller, so while it waits no further message is handled and none is acknowledged: the broker keeps them.
 * The work is run again from the start, so it must keep its effects inside the transaction (every Work in the
 * bridge does: what it publishes or sends happens after the commit; at most the event outbox's next position
 * moves on, which leaves a gap that costs nothing).
 * <p>{@link #stopWaiting} ends every wait, present and future, with the exception: a bridge that stops does
 * not wait for its database; what it did not store the broker sends again to its next run.
 */
public final class PausingStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(PausingStore.class);
    private static final ReconnectPolicy RETRY = ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(5));

    private final Store store;
    private final Listener listener;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Backoff backoff = RETRY.backoff();
    private volatile boolean available = true;
    private long pausedSinceNanos;

    /** Hears when the database goes away and when it is back (on the thread that waited). */
    public interface Listener {
        void unavailable(StoreUnavailableException cause);

        void availableAgain(Duration after);
    }

    public PausingStore(Store store, Listener listener) {
        this.store = store;
        this.listener = listener;
    }

    @Override
    public synchronized <T> T inTransaction(Work<T> work) {
        while (true) {
            try {
                T result = store.inTransaction(work);
                if (!available) {
                    resumed();
                }
                return result;
            } catch (StoreUnavailableException e) {
                if (available) {
                    paused(e);
                } else {
                    LOG.debug("the store is still unavailable: {}", e.getMessage());
                }
                waitBeforeRetry(e);
            }
        }
    }

    /** False from the first failure until a transaction succeeds again. */
    public boolean available() {
        return available;
    }

    /** Every wait ends with the failure that caused it, now and from now on. */
    public void stopWaiting() {
        stopped.countDown();
    }

    private void paused(StoreUnavailableException cause) {
        available = false;
        pausedSinceNanos = System.nanoTime();
        LOG.warn("the store is unavailable, handling paused until it is back (nothing is acknowledged meanwhile): {}",
                cause.getMessage());
        listener.unavailable(cause);
    }

    private void resumed() {
        available = true;
        backoff.reset();
        Duration after = Duration.ofNanos(System.nanoTime() - pausedSinceNanos);
        LOG.info("the store is available again after {} ms; handling goes on", after.toMillis());
        listener.availableAgain(after);
    }

    /** Waits the next back-off step, or less if the store is told to stop waiting. */
    private void waitBeforeRetry(StoreUnavailableException cause) {
        try {
            if (stopped.await(backoff.nextDelayMillis(), TimeUnit.MILLISECONDS)) {
                throw cause;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    @Override
    public void close() {
        stopWaiting();
        store.close();
    }
}
