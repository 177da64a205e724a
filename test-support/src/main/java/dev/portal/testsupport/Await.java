package dev.portal.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits in tests for something another thread or process brings about, with an explicit timeout. A timeout
 * fails the test with what was awaited, so the report says what did not happen rather than only that time ran out.
 */
public final class Await {
    /** The first re-check comes soon (most conditions hold quickly); later ones back off to this. */
    private static final long MAX_PAUSE_NANOS = Duration.ofMillis(50).toNanos();

    private Await() {
    }

    /** A condition that may throw, as a query of a database or a file does. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** A probe that may throw; empty means not yet. */
    @FunctionalInterface
    public interface Probe<T> {
        Optional<T> value() throws Exception;
    }

    /** Returns once {@code condition} holds; fails naming {@code what} once {@code timeout} passes first. */
    public static void until(String what, Condition condition, Duration timeout) {
        until(() -> what, condition, timeout);
    }

    /** As {@link #until(String, Condition, Duration)}; {@code what} is worked out on failure, so it can show the state then. */
    public static void until(Supplier<String> what, Condition condition, Duration timeout) {
        value(what, () -> condition.holds() ? Optional.of(Boolean.TRUE) : Optional.empty(), timeout);
    }

    /** The first value {@code probe} gives; fails naming {@code what} once {@code timeout} passes first. */
    public static <T> T value(String what, Probe<T> probe, Duration timeout) {
        return value(() -> what, probe, timeout);
    }

    public static <T> T value(Supplier<String> what, Probe<T> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = Duration.ofMillis(1).toNanos();
        while (true) {
            Optional<T> value;
            try {
                value = probe.value();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("awaiting " + what.get() + ": " + e, e);
            }
            if (value.isPresent()) {
                return value.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms awaiting " + what.get());
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(pause, left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while awaiting " + what.get(), e);
            }
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
    }
}
