package dev.portal.bridge.ingest;

import dev.portal.bridge.limits.KeyedBuckets;
import dev.portal.bridge.limits.Rate;
import dev.portal.bridge.limits.TokenBucket;

import java.time.Duration;

/**
 * How often the bridge sends one kind of request to portals of its own accord (Rebirth; resend_frames): to one
 * portal at most once per {@code perPortal}, and to all portals together at most at the rate {@code total}. They
 * are asked for by frames the bridge cannot place (a gap, a boot no Birth announced), which anyone can send for
 * any id: without the total limit, made-up ids would each get commands. A real portal whose request is skipped
 * is asked again by its next such frame. Not thread-safe: the worker thread uses it.
 */
final class RequestLimiter {
    private final KeyedBuckets perPortal;
    private final TokenBucket total;

    RequestLimiter(Duration perPortal, Rate total, long nowMillis) {
        this.perPortal = new KeyedBuckets(Rate.of(1, perPortal));
        this.total = new TokenBucket(total, nowMillis);
    }

    /** The outcome of asking to send one. */
    enum Verdict {
        /** Send it. */
        SEND,
        /** This portal was asked moments ago: nothing to count. */
        ASKED_LATELY,
        /** Every portal together has had its share: skipped and counted. */
        OVER_TOTAL
    }

    Verdict ask(String deviceId, long nowMillis) {
        if (!perPortal.tryTake(deviceId, nowMillis)) {
            return Verdict.ASKED_LATELY;
        }
        return total.tryTake(nowMillis) ? Verdict.SEND : Verdict.OVER_TOTAL;
    }
}
