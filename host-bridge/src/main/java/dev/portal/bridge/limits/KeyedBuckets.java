package dev.portal.bridge.limits;

import java.util.HashMap;
import java.util.Map;

/**
 * One {@link TokenBucket} per key (a device id), all at the same rate. A full bucket is the same as none, so
 * full ones are dropped from time to time: the map holds only the keys that spent tokens lately, however many
 * keys an attacker makes up. Not thread-safe.
 */
public final class KeyedBuckets {
    /** Below this many keys the map is not swept at all. */
    private static final int SWEEP_FROM = 1024;

    private final Rate rate;
    private final Map<String, TokenBucket> buckets = new HashMap<>();
    private int sweepAt = SWEEP_FROM;

    public KeyedBuckets(Rate rate) {
        this.rate = rate;
    }

    /** Spends one of {@code key}'s tokens if it has one. */
    public boolean tryTake(String key, long nowMillis) {
        sweepIfLarge(nowMillis);
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rate, nowMillis)).tryTake(nowMillis);
    }

    /** How many keys are remembered now. */
    public int size() {
        return buckets.size();
    }

    /** Sweeps when the map has doubled since the last sweep, so a sweep costs O(1) per call on average. */
    private void sweepIfLarge(long nowMillis) {
        if (buckets.size() < sweepAt) {
            return;
        }
        buckets.values().removeIf(b -> b.isFull(nowMillis));
        sweepAt = Math.max(SWEEP_FROM, 2 * buckets.size());
    }
}
