package dev.portal.bridge.ingest;

import dev.portal.bridge.limits.InputLimits;
import dev.portal.bridge.limits.KeyedBuckets;
import dev.portal.bridge.limits.TokenBucket;
import dev.portal.bridge.telemetry.Refusal;

import java.util.Optional;

/**
 * Decides whether a Birth of a boot the bridge does not know yet may make state: a portal new to the bridge
 * takes one of the few new portals allowed per minute for all ids together, and every new boot takes one of its
 * portal's few boots per period. So however many ids or boot ids a client makes up, the rows, the memory and the
 * retained documents they cost grow by a bounded amount per minute. A refused Birth is dead-lettered; its portal,
 * if real, is asked for its Birth again by a later Rebirth. Births of a boot already known (the answer to a
 * Rebirth) always pass. Not thread-safe: the worker thread uses it.
 */
final class BirthGate {
    /** Why a Birth was refused, for its dead letter. */
    record Refused(Refusal reason, String detail) {
    }

    private final InputLimits limits;
    private final TokenBucket newPortals;
    private final KeyedBuckets bootsPerPortal;

    BirthGate(InputLimits limits, long nowMillis) {
        this.limits = limits;
        this.newPortals = new TokenBucket(limits.newPortals(), nowMillis);
        this.bootsPerPortal = new KeyedBuckets(limits.bootsPerPortal());
    }

    /**
     * Judges a Birth of a new boot of {@code deviceId}; {@code knownPortal}: the bridge has a boot of it already.
     * Spends the tokens of an admitted Birth.
     */
    Optional<Refused> admit(String deviceId, boolean knownPortal, long nowMillis) {
        if (!knownPortal && !newPortals.tryTake(nowMillis)) {
            return Optional.of(new Refused(Refusal.TOO_MANY_PORTALS, "more portals new to the bridge than "
                    + limits.newPortals() + "; " + deviceId + " is asked again later"));
        }
        if (!bootsPerPortal.tryTake(deviceId, nowMillis)) {
            return Optional.of(new Refused(Refusal.TOO_MANY_BOOTS, "more new boots of " + deviceId + " than "
                    + limits.bootsPerPortal()));
        }
        return Optional.empty();
    }
}
