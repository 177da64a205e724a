package dev.portal.bridge.ingest;

import dev.portal.bridge.state.AfterCommit;
import dev.portal.bridge.state.FrameApplier;
import dev.portal.bridge.store.SharedStreams;
import dev.portal.bridge.store.StoreTx;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orders one portal's frames when bridges share the portals, inside the caller's transaction: takes the
 * portal's stream lock, loads its positions and parked frames into a {@link StreamTracker} of its own, offers
 * it the frames that arrived, applies what is in order, and parks what must wait. The database, not the
 * bridge's memory, is the truth: whichever bridge next holds the lock sees every frame parked before, so a
 * frame waits for a predecessor another bridge holds without holding a lock or an acknowledgement itself.
 * The work may run more than once (a transaction that failed is retried), so it keeps nothing between runs.
 */
final class StreamArbiter {
    /**
     * Most frames parked for one portal; one more and its wait ends at once, as at the end of the wait. On
     * Mosquitto a killed bridge keeps its turn, so every other frame of a portal waits for it and the rest park:
     * a busy portal (100 frames a second) parks 1,500 in a whole wait. Rows in the database, not memory: a
     * hostile portal costs at most this many.
     */
    static final int MAX_PARKED_PER_PORTAL = 8192;
    /**
     * Most frames parked, all together, for ids with no boot known: those cost rows before any Birth has passed
     * the limits on new portals, so made-up ids may not park more.
     */
    static final int MAX_PARKED_UNKNOWN = 1024;

    private final FrameApplier applier;
    private final BirthGate births;
    private final DeviceClock deviceClock;
    private final int bootsKept;

    StreamArbiter(FrameApplier applier, BirthGate births, DeviceClock deviceClock, int bootsKept) {
        this.applier = applier;
        this.births = births;
        this.deviceClock = deviceClock;
        this.bootsKept = bootsKept;
    }

    /** A frame refused on the way (a Birth over the limits, a boot never announced), for its dead letter. */
    record Refused(Refusal reason, String detail, String deviceId, byte[] frame) {
    }

    /** What one transaction's arbitration did, acted on once it commits. */
    static final class Outcome {
        private final AfterCommit after = new AfterCommit();
        private final List<Refused> refused = new ArrayList<>();
        private final Set<String> rebirths = new LinkedHashSet<>();
        private int applied;
        private int duplicates;
        private int parked;
        private int gaps;

        AfterCommit after() {
            return after;
        }

        List<Refused> refused() {
            return refused;
        }

        /** Portals to ask for a Birth: after a gap, or for frames of a boot no Birth announced. */
        Set<String> rebirths() {
            return rebirths;
        }

        int applied() {
            return applied;
        }

        int duplicates() {
            return duplicates;
        }

        int parked() {
            return parked;
        }

        int gaps() {
            return gaps;
        }
    }

    /**
     * Holds the stream locks of {@code portals}, in their order ({@link SharedStreams#lockOrder}), before any
     * of their frames touches a row: a transaction that waits for a stream lock then holds no toy's row.
     */
    static void holdAll(StoreTx tx, List<String> portals) {
        portals.forEach(tx.sharedStreams()::hold);
    }

    /** Frames of {@code deviceId} that arrived, in arrival order; its stream lock is held ({@link #holdAll}). */
    void arrive(StoreTx tx, String deviceId, List<StreamTracker.Received> arriving, long nowMillis, Outcome out) {
        settle(tx, deviceId, arriving, false, nowMillis, out);
    }

    /**
     * The portal's wait is over: parked frames go on across the gap, those of unannounced boots are refused.
     * Its stream lock is held ({@link #holdAll}).
     */
    void endWait(StoreTx tx, String deviceId, long nowMillis, Outcome out) {
        settle(tx, deviceId, List.of(), true, nowMillis, out);
    }

    private void settle(StoreTx tx, String deviceId, List<StreamTracker.Received> arriving, boolean endWait,
                        long nowMillis, Outcome out) {
        SharedStreams streams = tx.sharedStreams();
        StreamTracker tracker = new StreamTracker(bootsKept, true);
        tracker.load(streams.positions(deviceId));
        List<SharedStreams.Parked> parked = streams.parked(deviceId);
        for (SharedStreams.Parked p : parked) {
            Optional<StreamTracker.Received> frame = decode(p, out);
            if (frame.isPresent()) {
                offer(tx, tracker, deviceId, frame.get(), nowMillis, out);
            }
        }
        List<StreamTracker.Received> fresh = new ArrayList<>();
        for (StreamTracker.Received r : arriving) {
            if (admitted(tracker, deviceId, r, nowMillis, streams, out)) {
                if (offer(tx, tracker, deviceId, r, nowMillis, out) instanceof StreamTracker.Decision.Held) {
                    fresh.add(r);
                }
            }
        }
        boolean ended = endWait || tracker.heldCount(deviceId) > MAX_PARKED_PER_PORTAL;
        if (ended) {
            end(tx, tracker, deviceId, nowMillis, out);
        }
        // The table follows the tracker: what it still holds stays parked, what left it is done with.
        for (SharedStreams.Parked p : parked) {
            if (!tracker.isHeld(deviceId, p.bootId(), p.seq())) {
                streams.unpark(deviceId, p.bootId(), p.seq());
            }
        }
        for (StreamTracker.Received r : fresh) {
            if (tracker.isHeld(deviceId, r.boot(), r.seq())) {
                streams.park(new SharedStreams.Parked(deviceId, r.boot(), r.seq(), FrameCodec.encode(r.frame()),
                        r.receivedMillis(), nowMillis));
                out.parked++;
            }
        }
        if (ended) {
            streams.restartWait(deviceId, nowMillis); // what still waits, waits anew (see end)
        }
    }

    /** Whether a frame may go to the tracker: a new boot's Birth passes the limits, an unknown id parks little. */
    private boolean admitted(StreamTracker tracker, String deviceId, StreamTracker.Received r, long nowMillis,
                             SharedStreams streams, Outcome out) {
        boolean birth = r.frame().message() instanceof Birth;
        if (birth && !tracker.knows(deviceId, r.boot())) {
            Optional<BirthGate.Refused> refused = births.admit(deviceId, tracker.knowsDevice(deviceId), nowMillis);
            refused.ifPresent(why -> out.refused.add(new Refused(why.reason(), why.detail(), deviceId,
                    FrameCodec.encode(r.frame()))));
            return refused.isEmpty();
        }
        if (!birth && !tracker.knowsDevice(deviceId) && streams.parkedOfUnknownPortals() >= MAX_PARKED_UNKNOWN) {
            out.refused.add(new Refused(Refusal.UNANNOUNCED_BOOT, "no Birth of " + deviceId + " yet, and "
                    + MAX_PARKED_UNKNOWN + " frames of unknown portals wait already", deviceId,
                    FrameCodec.encode(r.frame())));
            out.rebirths.add(deviceId);
            return false;
        }
        return true;
    }

    private StreamTracker.Decision offer(StoreTx tx, StreamTracker tracker, String deviceId,
                                         StreamTracker.Received r, long nowMillis, Outcome out) {
        StreamTracker.Decision decision = tracker.offer(deviceId, r, nowMillis);
        switch (decision) {
            case StreamTracker.Decision.Apply apply -> apply.frames().forEach(f -> apply(tx, tracker, deviceId, f, out));
            case StreamTracker.Decision.Duplicate ignored -> out.duplicates++;
            case StreamTracker.Decision.Held ignored -> {
            }
        }
        return decision;
    }

    /**
     * Goes on across the first gap of each boot only: frames after a further gap may be on their way through a
     * bridge that is coming back (its share waits for it on Mosquitto), and going on across every gap at once
     * would drop them as duplicates when they come. They wait again, a whole wait from now.
     */
    private void end(StoreTx tx, StreamTracker tracker, String deviceId, long nowMillis, Outcome out) {
        StreamTracker.Expiry expiry = tracker.expire(deviceId);
        if (expiry.gap()) {
            out.gaps++;
        }
        List<StreamTracker.Received> later = new ArrayList<>();
        StreamTracker.Received previous = null;
        for (StreamTracker.Received r : expiry.apply()) {
            boolean firstOfBoot = previous == null || previous.boot() != r.boot();
            boolean follows = previous != null && previous.boot() == r.boot() && previous.seq() + 1 == r.seq();
            boolean waitingAgain = !later.isEmpty() && later.getLast().boot() == r.boot();
            if ((firstOfBoot || follows) && !waitingAgain) {
                apply(tx, tracker, deviceId, r, out);
            } else {
                later.add(r);
            }
            previous = r;
        }
        later.forEach(r -> offer(tx, tracker, deviceId, r, nowMillis, out));
        for (StreamTracker.Received r : expiry.unannounced()) {
            out.refused.add(new Refused(Refusal.UNANNOUNCED_BOOT, "boot " + r.boot()
                    + " was never announced by a Birth of " + deviceId, deviceId, FrameCodec.encode(r.frame())));
        }
        if (expiry.gap() || !expiry.unannounced().isEmpty()) {
            out.rebirths.add(deviceId);
        }
    }

    private void apply(StoreTx tx, StreamTracker tracker, String deviceId, StreamTracker.Received r, Outcome out) {
        long at = deviceClock.stamp(r.frame().header(), r.receivedMillis());
        out.after.addAll(applier.apply(tx, deviceId, r.frame(), at));
        tracker.applied(deviceId, r.boot(), r.seq());
        out.applied++;
    }

    /** A parked frame as it arrived; one that no longer decodes (parked by a newer bridge, say) is refused. */
    private static Optional<StreamTracker.Received> decode(SharedStreams.Parked p, Outcome out) {
        try {
            return Optional.of(new StreamTracker.Received(FrameCodec.decode(p.frame()), p.receivedMillis()));
        } catch (FrameException e) {
            out.refused.add(new Refused(Refusal.UNDECODABLE, "a parked frame: " + e.getMessage(), p.deviceId(),
                    p.frame()));
            return Optional.empty();
        }
    }
}
