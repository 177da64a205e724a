package dev.portal.studio.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} attempts per key within a sliding {@code window} (login by name and by address, claims
 * by account). Remembers at most {@code maxKeys} keys, forgetting the least recently used, so a flood of
 * made-up names cannot grow it without bound.
 */
public final class AttemptLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> attempts;

    public AttemptLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.attempts = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Counts an attempt for {@code key}; false (and not counted) when the key already used its share. */
    public synchronized boolean tryAcquire(String key) {
        long now = clock.millis();
        Deque<Long> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Seconds until {@code key} may try again (for Retry-After). */
    public synchronized long retryAfterSeconds(String key) {
        Deque<Long> times = attempts.get(key);
        if (times == null || times.isEmpty()) {
            return 0;
        }
        long wait = times.peekFirst() + window.toMillis() - clock.millis();
        return Math.max(1, (wait + 999) / 1000);
    }
}
