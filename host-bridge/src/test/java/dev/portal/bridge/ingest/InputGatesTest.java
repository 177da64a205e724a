package dev.portal.bridge.ingest;

import dev.portal.bridge.limits.InputLimits;
import dev.portal.bridge.limits.Rate;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.protocol.frame.Header;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits on what frames of made-up portals and boots make, and on what a device clock may claim. */
class InputGatesTest {
    private static final InputLimits LIMITS = InputLimits.defaults()
            .withNewPortals(Rate.of(2, Duration.ofMinutes(1)))
            .withBootsPerPortal(Rate.of(3, Duration.ofMinutes(3)));

    @Test
    void birthsOfNewPortalsAndNewBootsSpendTheirBudgets() {
        BirthGate gate = new BirthGate(LIMITS, 0);
        assertEquals(Optional.empty(), gate.admit("p1", false, 0));
        assertEquals(Optional.empty(), gate.admit("p2", false, 0));
        assertEquals(Refusal.TOO_MANY_PORTALS, gate.admit("p3", false, 0).orElseThrow().reason());
        assertEquals(Optional.empty(), gate.admit("p1", true, 0), "a known portal's boot is not a new portal");
        assertEquals(Optional.empty(), gate.admit("p1", true, 0));
        assertEquals(Refusal.TOO_MANY_BOOTS, gate.admit("p1", true, 0).orElseThrow().reason(),
                "its first boot counted too");
        assertEquals(Optional.empty(), gate.admit("p1", true, 60_000), "a boot back a minute later");
        assertEquals(Optional.empty(), gate.admit("p3", false, 30_000), "a new portal back after 30 s");
    }

    @Test
    void rebirthsAreLimitedPerPortalAndForAllTogether() {
        RequestLimiter limiter = new RequestLimiter(Duration.ofSeconds(2), Rate.of(3, Duration.ofMinutes(1)), 0);
        assertEquals(RequestLimiter.Verdict.SEND, limiter.ask("p1", 0));
        assertEquals(RequestLimiter.Verdict.ASKED_LATELY, limiter.ask("p1", 1_000));
        assertEquals(RequestLimiter.Verdict.SEND, limiter.ask("p2", 1_000));
        assertEquals(RequestLimiter.Verdict.SEND, limiter.ask("p3", 1_000));
        assertEquals(RequestLimiter.Verdict.OVER_TOTAL, limiter.ask("p4", 1_000));
        assertEquals(RequestLimiter.Verdict.OVER_TOTAL, limiter.ask("p1", 2_000));
        assertEquals(RequestLimiter.Verdict.SEND, limiter.ask("p4", 21_000), "a token back after 20 s");
    }

    @Test
    void aSynchronisedClockIsTakenWithinTheSkewOnly() {
        DeviceClock clock = new DeviceClock(Duration.ofMinutes(5));
        long now = 1_800_000_000_000L;
        long skew = Duration.ofMinutes(5).toMillis();
        assertEquals(now - 1_000, clock.stamp(Header.of(1, 0, now - 1_000, true), now));
        assertEquals(now + skew, clock.stamp(Header.of(1, 0, 4_102_444_800_000L, true), now));
        assertEquals(now - skew, clock.stamp(Header.of(1, 0, 0, true), now));
        assertEquals(now, clock.stamp(Header.of(1, 0, 12_345, false), now), "boot-relative: the receive time");
        assertTrue(clock.clamps(Header.of(1, 0, 0, true), now));
        assertTrue(!clock.clamps(Header.of(1, 0, 0, false), now));
    }
}
