package dev.portal.bridge.ingest;

import dev.portal.bridge.game.BridgeParts;
import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.game.UpdateService;
import dev.portal.bridge.limits.InputLimits;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.link.Acknowledgement;
import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.link.Topic;
import dev.portal.bridge.state.AfterCommit;
import dev.portal.bridge.state.FrameApplier;
import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.store.StoreUnavailableException;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Frames from portal/{id}/evt: decode, check the device id against the topic and the boot's Birth, order by
 * (boot, seq), apply to the store, then publish. Every refusal goes to the dead-letter topic. Runs on the
 * bridge's worker thread.
 * <p>A frame's MQTT acknowledgement is sent only after the transaction that applied it commits (or after it is
 * refused or found to be a duplicate); a frame held for reordering stays unacknowledged until it is released
 * and committed. So whatever the broker has been told is handled is in the database: a bridge killed at any
 * moment gets the rest again from the broker.
 */
public final class FrameIngest implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(FrameIngest.class);

    private final Store store;
    private final FrameScreen screen;
    private final StreamTracker tracker;
    private final BirthGate births;
    private final PortalCommands portalCommands;
    private final DeviceClock deviceClock;
    private final FrameApplier applier;
    private final GamePublisher publisher;
    private final CommitFollowUp followUp;
    private final DeadLetters deadLetters;
    private final BridgeCounters counters;
    private final Clock clock;
    private final Duration reorderWindow;
    private final Duration restartGrace;
    private final ScheduledExecutorService timer;
    private final Executor worker;
    /** Per device, System.nanoTime() before which its old placements are not swept (its newest boot's grace). */
    private final Map<String, Long> sweepNotBefore = new HashMap<>();
    private final List<Staged> staged = new ArrayList<>();
    private final List<Acknowledgement> acksAfterCommit = new ArrayList<>();
    private final Map<FrameKey, List<Acknowledgement>> heldAcks = new HashMap<>();

    /** One frame of one device's stream. */
    private record FrameKey(String deviceId, long boot, long seq) {
        static FrameKey of(String deviceId, StreamTracker.Received r) {
            return new FrameKey(deviceId, r.boot(), r.seq());
        }
    }

    /** A frame released in order, waiting for the batch's transaction. */
    private record Staged(String deviceId, StreamTracker.Received received) {
    }

    /**
     * A frame that arrives ahead of its predecessor waits at most {@code reorderWindow}; a restarted portal's
     * old placements are kept {@code restartGrace} for its new boot to report them again.
     */
    public FrameIngest(BridgeParts parts, UpdateService updates, Duration reorderWindow, Duration restartGrace) {
        this.store = parts.store();
        this.publisher = parts.publisher();
        this.deadLetters = parts.deadLetters();
        this.counters = parts.counters();
        this.screen = new FrameScreen(deadLetters, counters);
        this.clock = parts.clock();
        this.reorderWindow = reorderWindow;
        this.restartGrace = restartGrace;
        InputLimits limits = parts.limits();
        this.tracker = new StreamTracker(limits.bootsKept());
        this.births = new BirthGate(limits, clock.millis());
        this.portalCommands = new PortalCommands(parts.commands(), new RequestLimiter(reorderWindow.multipliedBy(4),
                limits.rebirths(), clock.millis()), counters, clock);
        this.followUp = new CommitFollowUp(publisher, updates, portalCommands, this::scheduleSweep);
        this.deviceClock = new DeviceClock(limits.clockSkew());
        this.applier = new FrameApplier(restartGrace, parts.toys(), limits.bootsKept());
        this.timer = parts.timer();
        this.worker = parts.worker();
        tracker.load(store.inTransaction(tx -> tx.streams()));
        // A portal may have restarted just before this bridge did: its old placements get their grace too.
        for (String deviceId : store.inTransaction(tx -> tx.portals()).stream().map(p -> p.deviceId()).toList()) {
            scheduleSweep(deviceId);
        }
    }

    private void scheduleSweep(String deviceId) {
        sweepNotBefore.put(deviceId, System.nanoTime() + restartGrace.toNanos());
        timer.schedule(() -> worker.execute(() -> sweepOldBoots(deviceId)), restartGrace.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The grace period after a portal's restart is over: close the placements its new boot did not announce. */
    void sweepOldBoots(String deviceId) {
        if (System.nanoTime() - sweepNotBefore.getOrDefault(deviceId, Long.MIN_VALUE) < 0) {
            return; // the portal restarted again since: that boot's own sweep comes later
        }
        flush(); // announcements that came in the meantime count
        AfterCommit after = store.inTransaction(tx -> publisher.stageEvents(tx,
                applier.sweepOldBoots(tx, deviceId, clock.millis())));
        publisher.publish(after);
    }

    /** Handles a frame; {@code ack} runs once the frame's fate is committed (see the class comment). */
    @Override
    public void onFrame(DeviceId device, Topic topic, byte[] payload, long receivedMillis, Acknowledgement ack) {
        counters.count(Counter.FRAMES_RECEIVED);
        if (!accept(device.value(), topic.value(), payload, receivedMillis, ack)) {
            acksAfterCommit.add(ack); // refused: the dead letter is its outcome
        }
    }

    /** Screens and offers one frame; false when it was refused. */
    private boolean accept(String deviceId, String topic, byte[] payload, long receivedMillis, Acknowledgement ack) {
        Optional<Frame> screened = screen.screen(deviceId, topic, payload);
        if (screened.isEmpty()) {
            return false;
        }
        Frame frame = screened.get();
        long boot = frame.header().bootId();
        if (frame.message() instanceof Birth && !tracker.knows(deviceId, boot)) {
            Optional<BirthGate.Refused> refused = births.admit(deviceId, tracker.knowsDevice(deviceId), clock.millis());
            if (refused.isPresent()) {
                deadLetters.refuse(refused.get().reason(), refused.get().detail(), topic, payload);
                return false;
            }
        }
        if (deviceClock.clamps(frame.header(), receivedMillis)) {
            counters.count(Counter.CLOCK_CLAMPED);
        }
        StreamTracker.Received received = new StreamTracker.Received(frame, receivedMillis);
        switch (tracker.offer(deviceId, received, clock.millis())) {
            case StreamTracker.Decision.Apply apply -> {
                apply.frames().forEach(f -> stage(deviceId, f));
                acksAfterCommit.add(ack);
            }
            case StreamTracker.Decision.Duplicate duplicate -> {
                counters.count(Counter.DUPLICATES_DROPPED);
                if (duplicate.held()) {
                    waitWithHeld(deviceId, received, ack); // the held copy is not committed yet
                } else {
                    acksAfterCommit.add(ack);
                }
            }
            case StreamTracker.Decision.Held held -> {
                counters.count(held.unknownBoot() ? Counter.HELD_UNKNOWN_BOOT : Counter.HELD_OUT_OF_ORDER);
                waitWithHeld(deviceId, received, ack);
                // Too many held: the wait ends now, as at the window's end, and the acknowledgements go out at the
                // batch's commit rather than up to a window later.
                tracker.overHoldLimit(deviceId).ifPresentOrElse(this::endWait,
                        () -> timer.schedule(() -> worker.execute(this::expireOverdue), reorderWindow.toMillis() + 1,
                                TimeUnit.MILLISECONDS));
            }
        }
        return true;
    }

    private void waitWithHeld(String deviceId, StreamTracker.Received r, Acknowledgement ack) {
        heldAcks.computeIfAbsent(FrameKey.of(deviceId, r), k -> new ArrayList<>()).add(ack);
    }

    /** The acknowledgements of a frame that leaves the hold, to be sent after the next commit. */
    private void releaseHeldAcks(String deviceId, StreamTracker.Received r) {
        List<Acknowledgement> acks = heldAcks.remove(FrameKey.of(deviceId, r));
        if (acks != null) {
            acksAfterCommit.addAll(acks);
        }
    }

    /** The reorder window has passed for some devices: give up waiting, release or refuse, ask for a rebirth. */
    void expireOverdue() {
        tracker.overdue(clock.millis() - reorderWindow.toMillis()).forEach(this::endWait);
        flush();
    }

    /** Ends one device's wait: held frames go on across the gap or are refused, and the portal is asked for a rebirth. */
    private void endWait(String deviceId) {
        StreamTracker.Expiry expiry = tracker.expire(deviceId);
        if (expiry.gap()) {
            counters.count(Counter.GAPS);
            LOG.info("gap in the frames of {}: going on without the missing ones", deviceId);
        }
        expiry.apply().forEach(f -> stage(deviceId, f));
        for (StreamTracker.Received r : expiry.unannounced()) {
            releaseHeldAcks(deviceId, r);
            deadLetters.refuse(Refusal.UNANNOUNCED_BOOT, "boot " + r.frame().header().bootId()
                    + " was never announced by a Birth of " + deviceId, eventsTopic(deviceId),
                    FrameCodec.encode(r.frame()));
        }
        if (expiry.gap() || !expiry.unannounced().isEmpty()) {
            portalCommands.requestRebirth(deviceId);
        }
    }

    /**
     * The position moves on as soon as a frame is released, so the next frame of the same batch is seen as
     * in order; the stored position moves with the state change in {@link #flush}.
     */
    private void stage(String deviceId, StreamTracker.Received r) {
        tracker.applied(deviceId, r.boot(), r.seq());
        staged.add(new Staged(deviceId, r));
        releaseHeldAcks(deviceId, r);
    }

    /**
     * Applies the staged frames in one transaction (group commit), then publishes what they changed. If the
     * batch fails, each frame is retried alone so one bad frame cannot take the others down with it. If the
     * store is unavailable (the bridge's store waits for it, so only while the bridge stops), the frames stay
     * staged and nothing is acknowledged: the broker sends them again.
     */
    @Override
    public void flush() {
        if (!staged.isEmpty()) {
            commitStaged();
        }
        acknowledgeCommitted();
    }

    private void acknowledgeCommitted() {
        // A held frame the tracker dropped (it became a duplicate of what was applied) is done with too.
        heldAcks.entrySet().removeIf(e -> {
            FrameKey key = e.getKey();
            if (tracker.isHeld(key.deviceId(), key.boot(), key.seq())) {
                return false;
            }
            acksAfterCommit.addAll(e.getValue());
            return true;
        });
        acksAfterCommit.forEach(Acknowledgement::acknowledge);
        acksAfterCommit.clear();
    }

    private void commitStaged() {
        List<Staged> batch = List.copyOf(staged);
        staged.clear();
        AfterCommit merged;
        try {
            merged = store.inTransaction(tx -> {
                // One publication for the batch: a toy or portal changed by several frames gets one document.
                AfterCommit all = new AfterCommit();
                Map<String, StreamPosition> positions = new LinkedHashMap<>();
                Map<String, Long> born = new HashMap<>();
                for (Staged s : batch) {
                    long at = time(s.received());
                    if (s.received().frame().message() instanceof Birth) {
                        // the boot's birth time is needed by the frames after it in this very batch
                        tx.saveStream(new StreamPosition(s.deviceId(), s.received().boot(), s.received().seq()), at);
                    }
                    all.addAll(applier.applyState(tx, s.deviceId(), s.received().frame(), at));
                    String key = s.deviceId() + "/" + s.received().boot();
                    positions.merge(key, new StreamPosition(s.deviceId(), s.received().boot(), s.received().seq()),
                            (a, b) -> a.lastSeq() >= b.lastSeq() ? a : b);
                    born.putIfAbsent(key, at);
                }
                positions.forEach((key, position) -> {
                    // a boot a newer Birth of this batch pushed out (bootsKept) must not come back
                    if (tracker.knows(position.deviceId(), position.bootId())) {
                        tx.saveStream(position, born.get(key));
                    }
                });
                return publisher.stageEvents(tx, all);
            });
        } catch (StoreUnavailableException e) {
            staged.addAll(0, batch);
            throw e;
        } catch (RuntimeException batchFailed) {
            LOG.warn("a batch of {} frames failed ({}); applying them one by one", batch.size(), batchFailed.toString());
            for (int i = 0; i < batch.size(); i++) {
                try {
                    apply(batch.get(i).deviceId(), batch.get(i).received());
                } catch (StoreUnavailableException e) {
                    staged.addAll(0, batch.subList(i, batch.size()));
                    throw e;
                }
            }
            return;
        }
        counters.count(Counter.FRAMES_APPLIED, batch.size());
        publish(merged);
    }

    private long time(StreamTracker.Received r) {
        return deviceClock.stamp(r.frame().header(), r.receivedMillis());
    }

    private void publish(AfterCommit after) {
        followUp.run(after);
    }

    /** One frame alone; dead-lettered only when a healthy store refuses it (an unavailable one throws). */
    private void apply(String deviceId, StreamTracker.Received r) {
        Frame frame = r.frame();
        AfterCommit after;
        try {
            after = store.inTransaction(tx -> publisher.stageEvents(tx, applier.apply(tx, deviceId, frame, time(r))));
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // The store answers and refuses this very frame: skip it rather than block the device's stream behind it for ever.
            LOG.error("could not apply {} from {}", frame.type(), deviceId, e);
            deadLetters.refuse(Refusal.APPLY_FAILED, e.toString(), eventsTopic(deviceId), FrameCodec.encode(frame));
            return;
        }
        counters.count(Counter.FRAMES_APPLIED);
        publish(after);
    }

    private static String eventsTopic(String deviceId) {
        return PortalTopics.evt(DeviceId.of(deviceId)).value();
    }
}
