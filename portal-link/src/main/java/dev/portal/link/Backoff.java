package dev.portal.link;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** One sequence of {@link ReconnectPolicy} delays: min, 2x, 4x ... up to max, each jittered. Not thread-safe. */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private int attempt;

    Backoff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
    }

    public long nextDelayMillis() {
        long step = Math.min(maxMillis, minMillis << Math.min(attempt, 20));
        attempt++;
        return step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
    }

    public void reset() {
        attempt = 0;
    }
}
