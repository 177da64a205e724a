package dev.portal.portalctl.link;

import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The frames a portal sends from the moment this stream was opened, for one consumer. */
public final class FrameStream implements AutoCloseable {
    private final LinkedBlockingQueue<Frame> queue = new LinkedBlockingQueue<>();
    private final Runnable onClose;

    FrameStream(Runnable onClose) {
        this.onClose = onClose;
    }

    void offer(Frame frame) {
        queue.offer(frame);
    }

    /** The next frame within {@code wait}, if any. */
    public Optional<Frame> next(Duration wait) throws InterruptedException {
        return Optional.ofNullable(queue.poll(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS));
    }

    /** Skips frames until one carries a {@code type} message matching {@code test}, or the wait is over. */
    public <T extends Message> Optional<T> await(Class<T> type, Predicate<T> test, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Frame f = queue.poll(left, TimeUnit.NANOSECONDS);
            if (f == null) {
                return Optional.empty();
            }
            if (type.isInstance(f.message()) && test.test(type.cast(f.message()))) {
                return Optional.of(type.cast(f.message()));
            }
        }
    }

    @Override
    public void close() {
        onClose.run();
    }
}
