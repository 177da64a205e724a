package dev.portal.link;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the publishes waiting for the broker. A publisher that finds the window full blocks on the semaphore
 * until a confirmation frees a place or its wait is over: no polling, no sleeping.
 */
final class PublishWindow {
    private final int size;
    private final Semaphore free;

    PublishWindow(int size) {
        this.size = size;
        this.free = new Semaphore(size);
    }

    boolean enter(Duration wait) throws InterruptedException {
        return free.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    void leave() {
        free.release();
    }

    int inFlight() {
        return size - free.availablePermits();
    }
}
