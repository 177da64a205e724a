package dev.portal.bridge.ingest;

import dev.portal.bridge.game.BridgeCounters;
import dev.portal.bridge.game.CommandSender;
import dev.portal.bridge.game.DeadLetters;
import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.game.GameTopics;
import dev.portal.bridge.game.UpdateService;
import dev.portal.bridge.mqtt.MqttLinkException;
import dev.portal.bridge.state.Effects;
import dev.portal.bridge.state.FrameApplier;
import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.store.Store;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Limits;
import dev.portal.protocol.frame.Rebirth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Frames from portal/{id}/evt: decode, check the device id against the topic and the boot's Birth, order by
 * (boot, seq), apply to the store, then publish. Every refusal goes to the dead-letter topic. Runs on the
 * bridge's worker thread.
 */
public final class FrameIngest {
    private static final Logger LOG = LoggerFactory.getLogger(FrameIngest.class);

    private final Store store;
    private final StreamTracker tracker = new StreamTracker();
    private final FrameApplier applier = new FrameApplier();
    private final GamePublisher publisher;
    private final UpdateService updates;
    private final CommandSender commands;
    private final DeadLetters deadLetters;
    private final BridgeCounters counters;
    private final Clock clock;
    private final Duration reorderWindow;
    private final Duration rebirthInterval;
    private final ScheduledExecutorService timer;
    private final Executor worker;
    private final Map<String, Long> lastRebirth = new HashMap<>();
    private final List<Staged> staged = new ArrayList<>();

    /** A frame released in order, waiting for the batch's transaction. */
    private record Staged(String deviceId, StreamTracker.Received received) {
    }

    public FrameIngest(Store store, GamePublisher publisher, UpdateService updates, CommandSender commands,
                       DeadLetters deadLetters, BridgeCounters counters, Clock clock, Duration reorderWindow,
                       ScheduledExecutorService timer, Executor worker) {
        this.store = store;
        this.publisher = publisher;
        this.updates = updates;
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.counters = counters;
        this.clock = clock;
        this.reorderWindow = reorderWindow;
        this.rebirthInterval = reorderWindow.multipliedBy(4);
        this.timer = timer;
        this.worker = worker;
        tracker.load(store.inTransaction(tx -> tx.streams()));
    }

    public void onFrame(String topic, byte[] payload, long receivedMillis) {
        counters.count("framesReceived");
        String deviceId = GameTopics.deviceOf(topic, "evt");
        if (deviceId == null) {
            deadLetters.refuse("bad-topic", "expected portal/{deviceId}/evt", topic, payload);
            return;
        }
        if (payload.length > Limits.MAX_FRAME) {
            deadLetters.refuse("oversized", payload.length + " bytes > " + Limits.MAX_FRAME, topic, payload);
            return;
        }
        Frame frame;
        try {
            frame = FrameCodec.decode(payload);
        } catch (FrameException e) {
            deadLetters.refuse("undecodable", e.reason() + ": " + e.getMessage(), topic, payload);
            return;
        }
        switch (frame.message()) {
            case Birth birth when !birth.deviceId().equals(deviceId) -> {
                deadLetters.refuse("device-mismatch", "Birth of " + birth.deviceId() + " on the topic of "
                        + deviceId, topic, payload);
                return;
            }
            case Command ignored -> {
                deadLetters.refuse("unexpected-command", "portals do not send commands", topic, payload);
                return;
            }
            default -> {
            }
        }
        StreamTracker.Received received = new StreamTracker.Received(frame, receivedMillis);
        switch (tracker.offer(deviceId, received, clock.millis())) {
            case StreamTracker.Decision.Apply apply -> apply.frames().forEach(f -> stage(deviceId, f));
            case StreamTracker.Decision.Duplicate ignored -> counters.count("duplicatesDropped");
            case StreamTracker.Decision.Held held -> {
                counters.count(held.unknownBoot() ? "heldUnknownBoot" : "heldOutOfOrder");
                timer.schedule(() -> worker.execute(this::expireOverdue), reorderWindow.toMillis() + 1,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The reorder window has passed for some devices: give up waiting, release or refuse, ask for a rebirth. */
    void expireOverdue() {
        for (String deviceId : tracker.overdue(clock.millis() - reorderWindow.toMillis())) {
            StreamTracker.Expiry expiry = tracker.expire(deviceId);
            if (expiry.gap()) {
                counters.count("gaps");
                LOG.info("gap in the frames of {}: going on without the missing ones", deviceId);
            }
            expiry.apply().forEach(f -> stage(deviceId, f));
            for (StreamTracker.Received r : expiry.unannounced()) {
                deadLetters.refuse("unannounced-boot", "boot " + r.frame().header().bootId()
                        + " was never announced by a Birth of " + deviceId, "portal/" + deviceId + "/evt",
                        FrameCodec.encode(r.frame()));
            }
            if (expiry.gap() || !expiry.unannounced().isEmpty()) {
                requestRebirth(deviceId);
            }
        }
        flush();
    }

    /**
     * The position moves on as soon as a frame is released, so the next frame of the same batch is seen as
     * in order; the stored position moves with the state change in {@link #flush}.
     */
    private void stage(String deviceId, StreamTracker.Received r) {
        tracker.applied(deviceId, r.boot(), r.seq());
        staged.add(new Staged(deviceId, r));
    }

    /**
     * Applies the staged frames in one transaction (group commit), then publishes what they changed. If the
     * batch fails, each frame is retried alone so one bad frame cannot take the others down with it.
     */
    public void flush() {
        if (staged.isEmpty()) {
            return;
        }
        List<Staged> batch = List.copyOf(staged);
        staged.clear();
        List<Effects> results;
        try {
            results = store.inTransaction(tx -> {
                List<Effects> all = new ArrayList<>(batch.size());
                Map<String, StreamPosition> positions = new LinkedHashMap<>();
                Map<String, Long> born = new HashMap<>();
                for (Staged s : batch) {
                    long at = time(s.received());
                    all.add(applier.applyState(tx, s.deviceId(), s.received().frame(), at));
                    String key = s.deviceId() + "/" + s.received().boot();
                    positions.merge(key, new StreamPosition(s.deviceId(), s.received().boot(), s.received().seq()),
                            (a, b) -> a.lastSeq() >= b.lastSeq() ? a : b);
                    born.putIfAbsent(key, at);
                }
                positions.forEach((key, position) -> tx.saveStream(position, born.get(key)));
                return all;
            });
        } catch (RuntimeException batchFailed) {
            LOG.warn("a batch of {} frames failed ({}); applying them one by one", batch.size(), batchFailed.toString());
            batch.forEach(s -> apply(s.deviceId(), s.received()));
            return;
        }
        results.forEach(this::publish);
    }

    private static long time(StreamTracker.Received r) {
        Frame frame = r.frame();
        return frame.header().clockSynced() ? frame.header().timestampMillis() : r.receivedMillis();
    }

    private void publish(Effects effects) {
        counters.count("framesApplied");
        publisher.publish(effects);
        updates.sendWrites(effects);
        updates.onResults(effects);
        effects.rebirths().forEach(this::requestRebirth);
    }

    private void apply(String deviceId, StreamTracker.Received r) {
        Frame frame = r.frame();
        try {
            publish(store.inTransaction(tx -> applier.apply(tx, deviceId, frame, time(r))));
        } catch (RuntimeException e) {
            // Skip the frame rather than block the device's stream behind it for ever.
            LOG.error("could not apply {} from {}", frame.type(), deviceId, e);
            deadLetters.refuse("apply-failed", e.toString(), "portal/" + deviceId + "/evt", FrameCodec.encode(frame));
        }
    }

    private void requestRebirth(String deviceId) {
        long now = clock.millis();
        Long last = lastRebirth.get(deviceId);
        if (last != null && now - last < rebirthInterval.toMillis()) {
            return;
        }
        lastRebirth.put(deviceId, now);
        try {
            commands.send(deviceId, new Rebirth());
            counters.count("rebirthRequests");
            LOG.info("asked {} for a rebirth", deviceId);
        } catch (MqttLinkException e) {
            LOG.warn("could not ask {} for a rebirth: {}", deviceId, e.getMessage());
        }
    }
}
