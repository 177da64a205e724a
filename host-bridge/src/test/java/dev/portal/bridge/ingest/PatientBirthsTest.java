package dev.portal.bridge.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portal.bridge.ingest.StreamTrackerTest.beat;
import static dev.portal.bridge.ingest.StreamTrackerTest.birth;
import static dev.portal.bridge.ingest.StreamTrackerTest.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Bridges sharing the portals: a Birth waits for the frames before it, which may still be on their way through
 * another bridge, instead of skipping them (they would then be dropped as duplicates).
 */
class PatientBirthsTest {
    private static final String DEVICE = "dev-1";

    /** The frames a decision releases, recorded as applied as the bridge does once they are committed. */
    private static List<Long> applied(StreamTracker tracker, StreamTracker.Decision decision) {
        List<StreamTracker.Received> frames = assertInstanceOf(StreamTracker.Decision.Apply.class, decision).frames();
        frames.forEach(r -> tracker.applied(DEVICE, r.boot(), r.seq()));
        return frames.stream().map(r -> r.frame().header().sequence()).toList();
    }

    @Test
    void aBirthOfAKnownBootAheadOfMissingFramesWaitsForThem() {
        StreamTracker tracker = new StreamTracker(4, true);
        tracker.applied(DEVICE, 7, 5);
        assertInstanceOf(StreamTracker.Decision.Held.class, tracker.offer(DEVICE, frame(7, 8, birth()), 0));
        assertEquals(List.of(6L), applied(tracker, tracker.offer(DEVICE, frame(7, 6, beat()), 0)));
        assertEquals(List.of(7L, 8L), applied(tracker, tracker.offer(DEVICE, frame(7, 7, beat()), 0)));
    }

    @Test
    void aNewBootStartsOnlyWhenEveryFrameFromZeroToItsBirthIsThere() {
        StreamTracker tracker = new StreamTracker(4, true);
        assertInstanceOf(StreamTracker.Decision.Held.class, tracker.offer(DEVICE, frame(9, 1, beat()), 0));
        assertInstanceOf(StreamTracker.Decision.Held.class, tracker.offer(DEVICE, frame(9, 3, birth()), 0));
        assertInstanceOf(StreamTracker.Decision.Held.class, tracker.offer(DEVICE, frame(9, 0, beat()), 0));
        assertEquals(List.of(0L, 1L, 2L, 3L), applied(tracker, tracker.offer(DEVICE, frame(9, 2, beat()), 0)));
    }

    @Test
    void aNewBootsFirstBirthStartsItAtOnce() {
        StreamTracker tracker = new StreamTracker(4, true);
        assertInstanceOf(StreamTracker.Decision.Held.class, tracker.offer(DEVICE, frame(9, 1, beat()), 0));
        assertEquals(List.of(0L, 1L), applied(tracker, tracker.offer(DEVICE, frame(9, 0, birth()), 0)));
    }

    @Test
    void atTheEndOfTheWaitAWaitingBirthStartsItsBootWithTheFramesBeforeIt() {
        StreamTracker tracker = new StreamTracker(4, true);
        tracker.offer(DEVICE, frame(9, 2, beat()), 0);
        tracker.offer(DEVICE, frame(9, 3, birth()), 0);
        tracker.offer(DEVICE, frame(5, 1, beat()), 0); // a boot no Birth announced
        StreamTracker.Expiry expiry = tracker.expire(DEVICE);
        assertEquals(List.of(2L, 3L), expiry.apply().stream().map(r -> r.frame().header().sequence()).toList());
        assertEquals(1, expiry.unannounced().size());
    }

    @Test
    void oneBridgeAloneStillResynchronisesOnABirth() {
        StreamTracker tracker = new StreamTracker(4);
        tracker.applied(DEVICE, 7, 5);
        assertEquals(List.of(8L), applied(tracker, tracker.offer(DEVICE, frame(7, 8, birth()), 0)));
    }
}
