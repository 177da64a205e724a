package dev.portal.bridge.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code perSecond} a second for each key, in bursts of up to {@code burst} (a token bucket per key).
 * Keys not used lately are forgotten beyond {@code maxKeys}, so a stream of new keys cannot grow it for ever;
 * a forgotten key starts again with a full bucket. Thread-safe.
 */
final class RateLimit {
    private final double perNano;
    private final double burst;
    private final Map<String, Bucket> buckets;

    private record Bucket(double tokens, long atNanos) {
    }

    RateLimit(double perSecond, int burst, int maxKeys) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** True, and one token fewer for {@code key}, if it has one left at {@code nowNanos}. */
    synchronized boolean tryTake(String key, long nowNanos) {
        Bucket bucket = buckets.get(key);
        double tokens = bucket == null ? burst
                : Math.min(burst, bucket.tokens() + (nowNanos - bucket.atNanos()) * perNano);
        boolean taken = tokens >= 1;
        buckets.put(key, new Bucket(taken ? tokens - 1 : tokens, nowNanos));
        return taken;
    }
}
