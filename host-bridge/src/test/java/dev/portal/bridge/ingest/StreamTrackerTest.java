package dev.portal.bridge.ingest;

import dev.portal.bridge.state.StreamPosition;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Message;
import dev.portal.testsupport.property.Gen;
import dev.portal.testsupport.property.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamTrackerTest {
    private static final String DEVICE = "dev-1";

    static StreamTracker.Received frame(long boot, long seq, Message message) {
        return new StreamTracker.Received(new Frame(Header.of(boot, seq, 0, false), message), 0);
    }

    static Birth birth() {
        return new Birth(DEVICE, "1", Set.of(), List.of(), new Calibration(List.of()), 0);
    }

    static Heartbeat beat() {
        return new Heartbeat(new HealthCounters(1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    /** Offers frames and applies whatever is released, returning the applied sequence numbers in order. */
    static List<Long> run(StreamTracker tracker, List<StreamTracker.Received> frames) {
        List<Long> applied = new ArrayList<>();
        for (StreamTracker.Received r : frames) {
            if (tracker.offer(DEVICE, r, 0) instanceof StreamTracker.Decision.Apply apply) {
                for (StreamTracker.Received f : apply.frames()) {
                    tracker.applied(DEVICE, f.boot(), f.seq());
                    applied.add(f.seq());
                }
            }
        }
        return applied;
    }

    @Test
    void anyShuffleWithDuplicatesOfACompleteStreamIsAppliedOnceInOrder() {
        Property.forAll(200, Gen.longs(), this::anyShuffleWithDuplicatesOfACompleteStreamIsAppliedOnceInOrder);
    }

    private void anyShuffleWithDuplicatesOfACompleteStreamIsAppliedOnceInOrder(long seed) {
        Random random = new Random(seed);
        int length = 1 + random.nextInt(40);
        List<StreamTracker.Received> frames = new ArrayList<>();
        frames.add(frame(5, 0, birth()));
        for (int seq = 1; seq < length; seq++) {
            frames.add(frame(5, seq, beat()));
        }
        int duplicates = random.nextInt(10);
        for (int i = 0; i < duplicates; i++) {
            frames.add(frames.get(random.nextInt(frames.size())));
        }
        Collections.shuffle(frames, random);
        StreamTracker tracker = new StreamTracker();
        List<Long> applied = run(tracker, frames);
        List<StreamTracker.Received> leftover = tracker.expire(DEVICE).apply();
        leftover.forEach(f -> applied.add(f.seq()));
        List<Long> expected = new ArrayList<>();
        for (long seq = 0; seq < length; seq++) {
            expected.add(seq);
        }
        assertEquals(expected, applied);
        assertEquals(0, tracker.heldCount(DEVICE));
    }

    @Test
    void framesOfABootNoBirthAnnouncedAreHeldAndHandedBackAsUnannounced() {
        StreamTracker tracker = new StreamTracker();
        assertEquals(new StreamTracker.Decision.Held(true), tracker.offer(DEVICE, frame(9, 3, beat()), 0));
        StreamTracker.Expiry expiry = tracker.expire(DEVICE);
        assertEquals(1, expiry.unannounced().size());
        assertTrue(expiry.apply().isEmpty());
    }

    @Test
    void aBirthArrivingAfterItsFramesReleasesThemBehindIt() {
        StreamTracker tracker = new StreamTracker();
        tracker.offer(DEVICE, frame(9, 1, beat()), 0);
        tracker.offer(DEVICE, frame(9, 2, beat()), 0);
        assertEquals(List.of(0L, 1L, 2L), run(tracker, List.of(frame(9, 0, birth()))));
    }

    @Test
    void aGapIsReportedOverdueAfterTheWindowAndReleasedAcrossIt() {
        StreamTracker tracker = new StreamTracker();
        run(tracker, List.of(frame(3, 0, birth())));
        assertInstanceOf(StreamTracker.Decision.Held.class, tracker.offer(DEVICE, frame(3, 2, beat()), 1000));
        assertTrue(tracker.overdue(999).isEmpty());
        assertEquals(List.of(DEVICE), tracker.overdue(1000));
        StreamTracker.Expiry expiry = tracker.expire(DEVICE);
        assertTrue(expiry.gap());
        assertEquals(2, expiry.apply().getFirst().seq());
    }

    @Test
    void positionsLoadedFromTheStoreMakeReplayedFramesDuplicates() {
        StreamTracker tracker = new StreamTracker();
        tracker.load(List.of(new StreamPosition(DEVICE, 4, 10)));
        assertInstanceOf(StreamTracker.Decision.Duplicate.class, tracker.offer(DEVICE, frame(4, 10, beat()), 0));
        assertInstanceOf(StreamTracker.Decision.Apply.class, tracker.offer(DEVICE, frame(4, 11, beat()), 0));
    }

    @Test
    void aRebirthBirthClosesAGapWithoutWaiting() {
        StreamTracker tracker = new StreamTracker();
        run(tracker, List.of(frame(3, 0, birth())));
        tracker.offer(DEVICE, frame(3, 5, beat()), 0);
        // the answer to a Rebirth: a Birth with a higher sequence number
        assertEquals(List.of(5L, 6L), run(tracker, List.of(frame(3, 6, birth()))).subList(0, 2));
    }

    @Test
    void aDeviceHoldingMoreThanItsShareIsToldToStopWaitingAtOnce() {
        StreamTracker tracker = new StreamTracker();
        for (int seq = 1; seq <= StreamTracker.MAX_HELD_PER_DEVICE; seq++) { // boot 5 is never announced
            tracker.offer(DEVICE, frame(5, seq, beat()), 0);
            assertTrue(tracker.overHoldLimit(DEVICE).isEmpty(), "within its share after " + seq);
        }
        tracker.offer(DEVICE, frame(5, 99, beat()), 0);
        assertEquals(Optional.of(DEVICE), tracker.overHoldLimit(DEVICE));
    }

    @Test
    void devicesHoldingMoreThanAllTogetherMayAreToldToStopWaitingBusiestFirst() {
        StreamTracker tracker = new StreamTracker();
        int devices = StreamTracker.MAX_HELD_TOTAL / StreamTracker.MAX_HELD_PER_DEVICE;
        for (int d = 0; d < devices; d++) {
            int frames = d == 2 ? StreamTracker.MAX_HELD_PER_DEVICE : StreamTracker.MAX_HELD_PER_DEVICE - 1;
            for (int seq = 1; seq <= frames; seq++) {
                tracker.offer("dev-" + d, frame(5, seq, beat()), 0);
            }
        }
        for (int seq = 1; seq < devices; seq++) {
            tracker.offer("dev-new", frame(5, seq, beat()), 0);
        }
        assertTrue(tracker.overHoldLimit("dev-new").isEmpty(), "every device within its share, all within the total");
        tracker.offer("dev-last", frame(5, 1, beat()), 0);
        assertEquals(Optional.of("dev-2"), tracker.overHoldLimit("dev-last"), "the device holding most");
    }

    @Test
    void onlyTheNewestBootsAreKeptAndTheCurrentOneAlways() {
        StreamTracker tracker = new StreamTracker(2);
        tracker.load(List.of(new StreamPosition(DEVICE, 1, 4), new StreamPosition(DEVICE, 2, 4),
                new StreamPosition(DEVICE, 3, 4)));
        assertTrue(!tracker.knows(DEVICE, 1) && tracker.knows(DEVICE, 2) && tracker.knows(DEVICE, 3));
        tracker.applied(DEVICE, 2, 5); // an older boot that moves on stays where it was in the order
        tracker.applied(DEVICE, 7, 0);
        assertTrue(!tracker.knows(DEVICE, 2) && tracker.knows(DEVICE, 3) && tracker.knows(DEVICE, 7));
        assertEquals(new StreamTracker.Decision.Held(true), tracker.offer(DEVICE, frame(2, 6, beat()), 0),
                "a forgotten boot is unannounced");
    }

    @Test
    void framesOfAnIdWithNoBirthLeaveNoStateOnceRefused() {
        StreamTracker tracker = new StreamTracker();
        assertEquals(new StreamTracker.Decision.Held(true), tracker.offer("made-up", frame(9, 3, beat()), 0));
        assertEquals(1, tracker.expire("made-up").unannounced().size());
        assertTrue(!tracker.knowsDevice("made-up") && tracker.overdue(Long.MAX_VALUE).isEmpty());
    }
}
