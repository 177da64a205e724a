package dev.portal.link;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One message heard by {@code parts} handlers: the broker is acknowledged once each handler has acknowledged
 * its part (each part counts once however often it is called).
 */
final class SharedAck {
    private final AtomicInteger waiting;
    private final Acknowledgement whole;

    SharedAck(int parts, Acknowledgement whole) {
        this.waiting = new AtomicInteger(parts);
        this.whole = whole;
    }

    Acknowledgement part() {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true) && waiting.decrementAndGet() == 0) {
                whole.acknowledge();
            }
        };
    }
}
