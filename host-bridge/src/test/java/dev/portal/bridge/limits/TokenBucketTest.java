package dev.portal.bridge.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {
    private static final Rate SIX_A_MINUTE = Rate.of(6, Duration.ofMinutes(1));

    @Test
    void aBurstUpToTheCountThenOneTokenPerSlice() {
        TokenBucket bucket = new TokenBucket(SIX_A_MINUTE, 0);
        for (int i = 0; i < 6; i++) {
            assertTrue(bucket.tryTake(0), "token " + i);
        }
        assertFalse(bucket.tryTake(0));
        assertFalse(bucket.tryTake(9_999), "a token takes 10 s to come back");
        assertTrue(bucket.tryTake(10_000));
        assertFalse(bucket.tryTake(10_000));
        assertTrue(bucket.isFull(10_000 + 60_000));
    }

    @Test
    void aRateReadsAsPeopleSayIt() {
        assertEquals("60 per minute", Rate.of(60, Duration.ofMinutes(1)).toString());
        assertEquals("6 per 10 minutes", Rate.of(6, Duration.ofMinutes(10)).toString());
        assertEquals("1 per 2 seconds", Rate.of(1, Duration.ofSeconds(2)).toString());
        assertEquals("5 per 1500 ms", Rate.of(5, Duration.ofMillis(1500)).toString());
    }

    @Test
    void aClockThatStepsBackNeitherRefillsNorDrains() {
        TokenBucket bucket = new TokenBucket(Rate.of(1, Duration.ofSeconds(1)), 5_000);
        assertTrue(bucket.tryTake(5_000));
        assertFalse(bucket.tryTake(1_000));
        assertTrue(bucket.tryTake(6_000));
    }

    @Test
    void keyedBucketsForgetKeysWhoseBucketIsFullAgain() {
        KeyedBuckets perDevice = new KeyedBuckets(Rate.of(1, Duration.ofSeconds(1)));
        for (int i = 0; i < 5_000; i++) {
            assertTrue(perDevice.tryTake("fake-" + i, i));
        }
        assertTrue(perDevice.size() < 2_100, "made-up keys do not pile up: " + perDevice.size());
        assertFalse(perDevice.tryTake("fake-4999", 4_999), "a recent key keeps its empty bucket");
    }
}
