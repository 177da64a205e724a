package dev.portal.studio.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttemptLimiterTest {
    private Instant now = Instant.parse("2026-12-05T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aKeyGetsItsShareInTheWindowAndMoreOnceItSlides() {
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(1), 100, clock);
        assertTrue(limiter.tryAcquire("ada"));
        now = now.plusSeconds(20);
        assertTrue(limiter.tryAcquire("ada"));
        assertTrue(limiter.tryAcquire("ada"));
        assertFalse(limiter.tryAcquire("ada"));
        assertTrue(limiter.tryAcquire("bob"), "keys are apart");
        assertEquals(40, limiter.retryAfterSeconds("ada"));
        now = now.plusSeconds(40);
        assertTrue(limiter.tryAcquire("ada"), "the first attempt left the window");
        assertFalse(limiter.tryAcquire("ada"));
    }

    @Test
    void manyMadeUpKeysDoNotGrowItWithoutBound() {
        AttemptLimiter limiter = new AttemptLimiter(1, Duration.ofMinutes(1), 10, clock);
        assertTrue(limiter.tryAcquire("first"));
        for (int i = 0; i < 1000; i++) {
            limiter.tryAcquire("k" + i);
        }
        assertTrue(limiter.tryAcquire("first"), "the oldest key was forgotten, not kept forever");
    }
}
