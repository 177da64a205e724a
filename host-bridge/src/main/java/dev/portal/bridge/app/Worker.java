package dev.portal.bridge.app;

import dev.portal.bridge.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The bridge's one worker thread. Takes every task queued so far (up to a batch size), runs them in order,
 * then runs the end-of-batch hook, which commits the frames the batch staged in one transaction.
 * <p>The queue is bounded: when the worker falls behind (its store is away, say), {@link #execute} waits for
 * room, so the link stops taking messages from the broker, which keeps them, instead of the bridge's memory.
 * Tasks are queued from other threads only (the link's, the timer's): the worker never waits for itself.
 */
final class Worker implements Executor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /**
     * Frames of one batch share one commit, and each commit waits for the disk (synchronous=FULL): a bridge
     * that falls behind catches up in batches this large.
     */
    static final int MAX_BATCH = 512;
    /**
     * One batch more while the worker commits the current one. Every message queued here or in the current batch
     * is one the MQTT client holds unacknowledged, and the client walks all of those on each message it receives
     * or acknowledges (MqttIncomingPublishService.drain), so a long queue costs CPU per message: at 8,192 that
     * walk took a third of the bridge's CPU under load. A full queue makes the link wait, and the broker keep
     * the rest.
     */
    static final int MAX_QUEUED = MAX_BATCH;
    /** How often a caller waiting for room says so in the log. */
    private static final long FULL_REPORT_MILLIS = 10_000;

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread thread;
    private final Runnable endOfBatch;
    private volatile boolean running = true;

    Worker(String name, Runnable endOfBatch) {
        this.endOfBatch = endOfBatch;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code task}, waiting while the queue is full; refuses it once the worker has stopped. */
    @Override
    public void execute(Runnable task) {
        try {
            while (!queue.offer(task, FULL_REPORT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (!running) {
                    throw new RejectedExecutionException("the bridge worker has stopped");
                }
                LOG.warn("the bridge worker has {} tasks queued; waiting for room", queue.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted waiting for room in the worker's queue", e);
        }
    }

    private void loop() {
        List<Runnable> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            for (Runnable task : batch) {
                runSafely(task);
            }
            runSafely(endOfBatch);
            batch.clear();
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (StoreUnavailableException e) {
            // Only while the bridge stops (until then the store waits for the database to come back).
            LOG.info("left unacknowledged for the next run, the store is unavailable: {}", e.getMessage());
        } catch (RuntimeException e) {
            // Whatever went wrong with one message must not stop the bridge.
            LOG.error("a bridge task failed", e);
        }
    }

    /** Waits until everything queued before this call has run, its batch included. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        execute(done::countDown);
        if (!done.await(timeout, unit)) {
            return false;
        }
        // the latch ran inside a batch; one more round trip lets that batch's end hook finish
        CountDownLatch after = new CountDownLatch(1);
        execute(after::countDown);
        return after.await(timeout, unit);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
