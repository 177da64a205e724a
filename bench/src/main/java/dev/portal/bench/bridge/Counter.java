package dev.portal.bench.bridge;

import java.util.concurrent.TimeUnit;

/** Counts messages and lets the benchmark wait for a total, without polling in a busy loop. */
final class Counter {
    private long count;
    private long lastNanos;

    synchronized void add() {
        count++;
        lastNanos = System.nanoTime();
        notifyAll();
    }

    synchronized long count() {
        return count;
    }

    synchronized long lastNanos() {
        return lastNanos;
    }

    synchronized void reset() {
        count = 0;
    }

    /** Waits until {@code total} messages have arrived; false on timeout. */
    synchronized boolean await(long total, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (count < total) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
