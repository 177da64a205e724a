package dev.portal.bridge.limits;

/**
 * A token bucket for one {@link Rate}: starts full, each {@link #tryTake} spends a token, tokens come back
 * evenly over the rate's period. Time is passed in (the caller's clock), so tests need no waiting. Not
 * thread-safe: the bridge uses it from its worker thread.
 */
public final class TokenBucket {
    private final Rate rate;
    private double tokens;
    private long lastMillis;

    public TokenBucket(Rate rate, long nowMillis) {
        this.rate = rate;
        this.tokens = rate.count();
        this.lastMillis = nowMillis;
    }

    /** Spends a token if there is one. */
    public boolean tryTake(long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket is full again, i.e. remembering it no longer changes anything. */
    public boolean isFull(long nowMillis) {
        refill(nowMillis);
        return tokens >= rate.count();
    }

    private void refill(long nowMillis) {
        long elapsed = nowMillis - lastMillis;
        if (elapsed > 0) { // a clock that steps back refills nothing, and takes nothing away either
            tokens = Math.min(rate.count(), tokens + elapsed / rate.millisPerToken());
            lastMillis = nowMillis;
        }
    }
}
