package dev.portal.bridge.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * How often something may happen: {@code count} times per {@code per}, all of them at once at most (a token
 * bucket of {@code count} tokens that refills evenly over {@code per}).
 */
public record Rate(int count, Duration per) {
    public Rate {
        Objects.requireNonNull(per, "per");
        if (count < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate needs count >= 1 and a positive period: " + count + "/" + per);
        }
    }

    public static Rate of(int count, Duration per) {
        return new Rate(count, per);
    }

    /** Milliseconds one token takes to come back. */
    double millisPerToken() {
        return (double) per.toMillis() / count;
    }

    @Override
    public String toString() {
        return count + " per " + per;
    }
}
