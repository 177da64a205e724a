package dev.portal.device.mqtt;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect delay with jitter: min, 2x, 4x ... up to max, each drawn between half and the whole
 * step so a fleet of portals that lost the same broker does not reconnect in lock step.
 */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private int attempt;

    public Backoff(Duration min, Duration max) {
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
