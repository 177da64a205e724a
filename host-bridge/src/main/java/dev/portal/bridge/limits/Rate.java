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

    /** "60 per minute", "6 per 10 minutes", "5 per 1500 ms": for dead letters and logs. */
    @Override
    public String toString() {
        if (per.toMillis() % 60_000 == 0) {
            long minutes = per.toMinutes();
            return count + " per " + (minutes == 1 ? "minute" : minutes + " minutes");
        }
        if (per.toMillis() % 1_000 == 0) {
            long seconds = per.toSeconds();
            return count + " per " + (seconds == 1 ? "second" : seconds + " seconds");
        }
        return count + " per " + per.toMillis() + " ms";
    }
}
