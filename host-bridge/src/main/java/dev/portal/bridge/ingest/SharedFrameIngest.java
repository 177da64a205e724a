package dev.portal.bridge.ingest;

import dev.portal.bridge.game.BridgeParts;
import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.game.UpdateService;
import dev.portal.bridge.limits.InputLimits;
import dev.portal.bridge.state.AfterCommit;
import dev.portal.bridge.state.FrameApplier;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.store.SharedStreams;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.store.StoreTx;
import dev.portal.bridge.store.StoreUnavailableException;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.link.Acknowledgement;
import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.link.Topic;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Frames from portal/{id}/evt when several bridges share the portals ({@code --shared}): the broker may hand
 * any frame of any portal to any bridge (Mosquitto: strictly in turn), so the order is kept in PostgreSQL, not
 * in memory. A batch's frames are applied in one transaction that takes each of its portals' stream locks in one
 * global order ({@link SharedStreams#lockOrder}), so two bridges never wait for each other. A frame that is
 * early is parked in the database (see {@link StreamArbiter}) and acknowledged with its batch: it holds neither a
 * lock nor the broker's window while it waits, and whichever bridge commits its predecessor applies it. So every
 * frame is applied once, in (boot, seq) order, whichever bridge receives it. Runs on the bridge's worker thread.
 */
public final class SharedFrameIngest implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(SharedFrameIngest.class);
    /** How often the bridge looks for portals whose parked frames have waited too long. */
    private static final Duration WAIT_CHECK = Duration.ofSeconds(1);
    /** Portals whose wait is ended per check, each in a transaction of its own; as many are asked to resend. */
    private static final int WAITS_ENDED_PER_CHECK = 64;
    /**
     * How long parked frames wait before the portal is asked for the ones missing (at most a third of the wait,
     * so it is asked more than once). Frames that merely crossed on their way through two bridges are in long
     * before; a bridge killed on HiveMQ CE has its frames sent to the others at once; one killed on Mosquitto
     * keeps its turn until it is back, and its frames come twice: the copies are dropped.
     */
    private static final Duration RESEND_AFTER = Duration.ofSeconds(2);

    private final Store store;
    private final FrameScreen screen;
    private final StreamArbiter arbiter;
    private final FrameApplier applier;
    private final PortalCommands portalCommands;
    private final ResendRequests resends;
    /** Separately limited: a restart's one request must not wait behind a gap's. */
    private final ResendRequests tails;
    private final Duration resendAfter;
    private final CommitFollowUp followUp;
    private final DeviceClock deviceClock;
    private final GamePublisher publisher;
    private final DeadLetters deadLetters;
    private final BridgeCounters counters;
    private final Clock clock;
    private final Duration wait;
    private final Duration restartGrace;
    private final ScheduledExecutorService timer;
    private final Executor worker;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final List<Acknowledgement> acks = new ArrayList<>();

    /** A screened frame and the acknowledgement it waits for. */
    private record Arrival(String deviceId, StreamTracker.Received received, Acknowledgement ack) {
    }

    /**
     * @param wait         how long a parked frame waits for its predecessors before the gap is given up
     * @param restartGrace how long a restarted portal has to announce its toys again before the others are closed
     */
    public SharedFrameIngest(BridgeParts parts, UpdateService updates, Duration wait, Duration restartGrace) {
        this.store = parts.store();
        this.publisher = parts.publisher();
        this.deadLetters = parts.deadLetters();
        this.counters = parts.counters();
        this.clock = parts.clock();
        this.wait = wait;
        this.restartGrace = restartGrace;
        this.timer = parts.timer();
        this.worker = parts.worker();
        InputLimits limits = parts.limits();
        this.screen = new FrameScreen(deadLetters, counters);
        this.deviceClock = new DeviceClock(limits.clockSkew());
        this.applier = new FrameApplier(restartGrace, parts.toys(), limits.bootsKept());
        this.arbiter = new StreamArbiter(applier, new BirthGate(limits, clock.millis()), deviceClock,
                limits.bootsKept());
        // Rebirths are limited per bridge: a group of N asks a portal at most N times as often as one bridge.
        this.portalCommands = new PortalCommands(parts.commands(), new RequestLimiter(wait,
                limits.rebirths(), clock.millis()), counters, clock);
        this.resendAfter = RESEND_AFTER.compareTo(wait.dividedBy(3)) < 0 ? RESEND_AFTER : wait.dividedBy(3);
        this.resends = new ResendRequests(parts.commands(), new RequestLimiter(resendAfter, limits.rebirths(),
                clock.millis()), counters, clock);
        this.tails = new ResendRequests(parts.commands(), new RequestLimiter(resendAfter, limits.rebirths(),
                clock.millis()), counters, clock);
        this.followUp = new CommitFollowUp(publisher, updates, portalCommands, this::restarted);
        // A portal may have restarted just before this bridge did (or while the bridge that took its Birth died).
        store.inTransaction(tx -> tx.portals()).stream().filter(p -> p.bootId() != null)
                .forEach(p -> scheduleSweep(p.deviceId(), p.bootId()));
        long every = WAIT_CHECK.toMillis();
        timer.scheduleWithFixedDelay(() -> worker.execute(this::endOverdueWaits), every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onFrame(DeviceId device, Topic topic, byte[] payload, long receivedMillis, Acknowledgement ack) {
        counters.count(Counter.FRAMES_RECEIVED);
        Optional<Frame> frame = screen.screen(device.value(), topic.value(), payload);
        if (frame.isEmpty()) {
            acks.add(ack); // refused: the dead letter is its outcome
            return;
        }
        if (deviceClock.clamps(frame.get().header(), receivedMillis)) {
            counters.count(Counter.CLOCK_CLAMPED);
        }
        arrivals.add(new Arrival(device.value(), new StreamTracker.Received(frame.get(), receivedMillis), ack));
    }

    @Override
    public void flush() {
        if (!arrivals.isEmpty()) {
            commitArrivals();
        }
        acks.forEach(Acknowledgement::acknowledge);
        acks.clear();
    }

    private void commitArrivals() {
        List<Arrival> batch = List.copyOf(arrivals);
        arrivals.clear();
        Map<String, List<StreamTracker.Received>> byPortal = new LinkedHashMap<>();
        for (Arrival a : batch) {
            byPortal.computeIfAbsent(a.deviceId(), d -> new ArrayList<>()).add(a.received());
        }
        List<String> portals = inLockOrder(byPortal.keySet());
        try {
            settle(portals, (tx, now, out) -> portals.forEach(p -> arbiter.arrive(tx, p, byPortal.get(p), now, out)));
        } catch (StoreUnavailableException e) {
            arrivals.addAll(0, batch);
            throw e;
        } catch (RuntimeException batchFailed) {
            LOG.warn("a batch of {} frames failed ({}); applying each portal's alone", batch.size(),
                    batchFailed.toString());
            releaseHeld();
            for (int i = 0; i < portals.size(); i++) {
                String portal = portals.get(i);
                try {
                    arriveAlone(portal, byPortal.get(portal));
                } catch (StoreUnavailableException e) {
                    List<String> left = portals.subList(i, portals.size());
                    batch.stream().filter(a -> left.contains(a.deviceId())).forEach(arrivals::add);
                    batch.stream().filter(a -> !left.contains(a.deviceId())).forEach(a -> acks.add(a.ack()));
                    throw e;
                }
            }
        }
        batch.forEach(a -> acks.add(a.ack()));
    }

    /** One portal's frames alone; dead-lettered only when a healthy store refuses them (an unavailable one throws). */
    private void arriveAlone(String portal, List<StreamTracker.Received> frames) {
        try {
            settle(List.of(portal), (tx, now, out) -> arbiter.arrive(tx, portal, frames, now, out));
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            releaseHeld();
            LOG.error("could not apply {} frames from {}", frames.size(), portal, e);
            frames.forEach(r -> deadLetters.refuse(Refusal.APPLY_FAILED, e.toString(), eventsTopic(portal),
                    FrameCodec.encode(r.frame())));
        }
    }

    /**
     * Ends the wait of the portals whose oldest parked frame has waited {@link #wait}, and asks the portals whose
     * parked frames have waited {@link #resendAfter} for the frames missing.
     */
    void endOverdueWaits() {
        flush(); // frames that came in the meantime may close the gaps
        List<String> overdue = inLockOrder(store.inTransaction(tx -> tx.sharedStreams()
                .parkedSince(clock.millis() - wait.toMillis(), WAITS_ENDED_PER_CHECK)));
        for (String portal : overdue) {
            try {
                settle(List.of(portal), (tx, now, out) -> arbiter.endWait(tx, portal, now, out));
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                releaseHeld();
                LOG.error("could not end the wait of {}; its parked frames are dropped", portal, e);
                dropParked(portal);
            }
        }
        askForMissing(overdue);
    }

    /** Asks each portal whose parked frames wait for others, and whose wait did not just end, to resend those. */
    private void askForMissing(List<String> ended) {
        List<String> waiting = store.inTransaction(tx -> tx.sharedStreams()
                .parkedSince(clock.millis() - resendAfter.toMillis(), WAITS_ENDED_PER_CHECK));
        for (String portal : waiting) {
            if (!ended.contains(portal)) {
                // Read without the stream lock: a request that is a moment out of date only asks for a copy more.
                resends.ask(portal, store.inTransaction(tx -> MissingFrames.of(tx.sharedStreams().positions(portal),
                        tx.sharedStreams().parked(portal))));
            }
        }
    }

    /** A healthy store refuses a portal's parked frames: they go to dead letters rather than be tried for ever. */
    private void dropParked(String portal) {
        List<SharedStreams.Parked> dropped = store.inTransaction(tx -> {
            SharedStreams streams = tx.sharedStreams();
            streams.lock(portal);
            List<SharedStreams.Parked> parked = streams.parked(portal);
            parked.forEach(p -> streams.unpark(portal, p.bootId(), p.seq()));
            return parked;
        });
        dropped.forEach(p -> deadLetters.refuse(Refusal.APPLY_FAILED, "parked, could not be applied",
                eventsTopic(portal), p.frame()));
    }

    /** What one arbitration transaction does once it holds its portals' stream locks. */
    @FunctionalInterface
    private interface Arbitration {
        void run(StoreTx tx, long nowMillis, StreamArbiter.Outcome out);
    }

    /** Runs {@code work} in one transaction holding the portals' stream locks, then acts on its outcome. */
    private void settle(List<String> portals, Arbitration work) {
        conclude(store.inTransaction(tx -> {
            StreamArbiter.Outcome out = new StreamArbiter.Outcome();
            StreamArbiter.holdAll(tx, portals);
            work.run(tx, clock.millis(), out);
            publisher.stageEvents(tx, out.after());
            return out;
        }));
    }

    /**
     * Acts on a committed outcome, then lets go of the stream locks its transaction held: what the frames changed
     * is at the broker (the publisher waits for its answers) before another bridge may apply the next frames.
     */
    private void conclude(StreamArbiter.Outcome out) {
        try {
            actOn(out);
        } finally {
            releaseHeld();
        }
    }

    /** Lets go of held stream locks, also those of a transaction that failed (a retry takes them again). */
    private void releaseHeld() {
        store.inTransaction(tx -> {
            tx.sharedStreams().releaseHeld();
            return null;
        });
    }

    private void actOn(StreamArbiter.Outcome out) {
        counters.count(Counter.FRAMES_APPLIED, out.applied());
        counters.count(Counter.DUPLICATES_DROPPED, out.duplicates());
        counters.count(Counter.HELD_OUT_OF_ORDER, out.parked());
        counters.count(Counter.GAPS, out.gaps());
        for (StreamArbiter.Refused r : out.refused()) {
            deadLetters.refuse(r.reason(), r.detail(), eventsTopic(r.deviceId()), r.frame());
        }
        if (out.gaps() > 0) {
            LOG.info("gaps in the frames of {}: going on without the missing ones", out.rebirths());
        }
        followUp.run(out.after());
        out.rebirths().forEach(portalCommands::requestRebirth);
    }

    /** A Birth of a new boot was applied: the sweep of the boots before it comes after the grace. */
    private void restarted(String deviceId) {
        Optional<Long> current = store.inTransaction(tx -> tx.portal(deviceId).map(PortalState::bootId));
        current.ifPresent(boot -> scheduleSweep(deviceId, boot));
        // The previous boot's last frames may have reached no bridge, with no later frame of that boot to show
        // that any are missing: the portal sends again what it kept after the last one applied.
        current.ifPresent(boot -> tails.ask(deviceId, store.inTransaction(tx ->
                MissingFrames.tailOfPrevious(tx.sharedStreams().positions(deviceId), boot))));
    }

    private void scheduleSweep(String deviceId, long boot) {
        timer.schedule(() -> worker.execute(() -> sweepOldBoots(deviceId, boot)), restartGrace.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * The grace after {@code boot}'s Birth is over: close the placements it did not announce. If another bridge
     * has applied a newer Birth since, that boot's sweep is that bridge's (scheduled when it applied it).
     */
    void sweepOldBoots(String deviceId, long boot) {
        flush(); // announcements that came in the meantime count
        try {
            AfterCommit after = store.inTransaction(tx -> {
                StreamArbiter.holdAll(tx, List.of(deviceId));
                if (!tx.portal(deviceId).map(PortalState::bootId).equals(Optional.of(boot))) {
                    return new AfterCommit();
                }
                return publisher.stageEvents(tx, applier.sweepOldBoots(tx, deviceId, clock.millis()));
            });
            publisher.publish(after);
        } finally {
            releaseHeld();
        }
    }

    private static List<String> inLockOrder(java.util.Collection<String> portals) {
        return portals.stream().sorted(Comparator.comparingInt(SharedStreams::lockOrder)
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    private static String eventsTopic(String deviceId) {
        return PortalTopics.evt(DeviceId.of(deviceId)).value();
    }
}
