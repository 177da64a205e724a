package dev.portal.bridge.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * What the bridge will do for input from outside, however much of it comes: every bit of state a portal's
 * messages make (a portal, a boot, a Rebirth command, a retained document) is bounded here, so a broken or
 * hostile client cannot grow the bridge's memory, database or the broker's retained store without limit.
 *
 * @param newPortals             Births of portals the bridge has no state for yet (all of them together);
 *                               beyond it a Birth is refused (dead letter {@code too-many-portals}) and the
 *                               portal is asked again later by a Rebirth
 * @param bootsPerPortal         Births of new boots of one portal; beyond it: {@code too-many-boots}
 * @param bootsKept              boots remembered per portal (the newest; the current one always): frames of an
 *                               older boot count as unannounced
 * @param rebirths               Rebirth commands to all portals together (each portal gets at most one per four
 *                               reorder windows besides)
 * @param clockSkew              how far a CLOCK_SYNCED frame time may be from the bridge's receive time; beyond
 *                               it the frame is stamped with the nearest time within it
 * @param portalDocumentInterval the least time between two retained documents of one portal; changes in
 *                               between are gathered into the next one
 */
public record InputLimits(Rate newPortals, Rate bootsPerPortal, int bootsKept, Rate rebirths, Duration clockSkew,
                          Duration portalDocumentInterval) {

    public InputLimits {
        Objects.requireNonNull(newPortals, "newPortals");
        Objects.requireNonNull(bootsPerPortal, "bootsPerPortal");
        Objects.requireNonNull(rebirths, "rebirths");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(portalDocumentInterval, "portalDocumentInterval");
        if (bootsKept < 1) {
            throw new IllegalArgumentException("bootsKept must be at least 1 (the current boot): " + bootsKept);
        }
        if (clockSkew.isNegative() || portalDocumentInterval.isNegative()) {
            throw new IllegalArgumentException("clockSkew and portalDocumentInterval cannot be negative");
        }
    }

    /**
     * A fleet's first start (every portal new to the bridge) admits 60 portals a minute; a portal that
     * restarts in a loop gets 6 boots at once, then one every 100 s; 300 Rebirths a minute re-learn a
     * thousand portals in under 4 minutes after the bridge lost its database.
     */
    public static InputLimits defaults() {
        return new InputLimits(Rate.of(60, Duration.ofMinutes(1)), Rate.of(6, Duration.ofMinutes(10)), 4,
                Rate.of(300, Duration.ofMinutes(1)), Duration.ofMinutes(5), Duration.ofSeconds(1));
    }

    public InputLimits withNewPortals(Rate rate) {
        return new InputLimits(rate, bootsPerPortal, bootsKept, rebirths, clockSkew, portalDocumentInterval);
    }

    public InputLimits withBootsPerPortal(Rate rate) {
        return new InputLimits(newPortals, rate, bootsKept, rebirths, clockSkew, portalDocumentInterval);
    }
}
