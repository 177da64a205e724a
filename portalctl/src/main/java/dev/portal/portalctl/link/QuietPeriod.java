package dev.portal.portalctl.link;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Knows when a burst of retained messages is over. MQTT never says "that was the last retained message": the
 * broker sends them right after the subscription is acknowledged, so a collection ends once nothing has arrived
 * for a quiet period, or at the latest after a limit on a broker that keeps talking.
 */
public final class QuietPeriod {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private long lastNanos = System.nanoTime();

    /** One message arrived (called from the link's thread). */
    public void touch() {
        lock.lock();
        try {
            lastNanos = System.nanoTime();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing has arrived for {@code quiet}, or {@code limit} has passed since the call. */
    public void await(Duration quiet, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long quietEnds = lastNanos + quiet.toNanos();
                long until = Math.min(quietEnds, deadline);
                if (until - now <= 0) {
                    return;
                }
                arrived.awaitNanos(until - now);
            }
        } finally {
            lock.unlock();
        }
    }
}
