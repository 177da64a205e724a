package dev.portal.link;

import java.time.Duration;
import java.util.Objects;

/**
 * How a link reconnects after losing its broker: exponential delays from {@code min} to {@code max}, each
 * drawn between half and the whole of its step, so a fleet of portals that lost the same broker does not
 * come back in lock step.
 */
public record ReconnectPolicy(boolean enabled, Duration min, Duration max) {
    public ReconnectPolicy {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 <= min <= max, got " + min + " and " + max);
        }
    }

    /** Never reconnect (short-lived tools: a lost connection is an error to report). */
    public static ReconnectPolicy never() {
        return new ReconnectPolicy(false, Duration.ZERO, Duration.ZERO);
    }

    public static ReconnectPolicy exponential(Duration min, Duration max) {
        return new ReconnectPolicy(true, min, max);
    }

    /** A fresh sequence of delays following this policy. */
    public Backoff backoff() {
        return new Backoff(min, max);
    }
}
