package dev.portal.bridge.ingest;

import dev.portal.bridge.game.BridgeParts;
import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.link.DeviceId;
import dev.portal.link.Topic;

import java.time.Clock;
import java.util.Optional;

/**
 * The retained portal/{id}/status (set by the device, and by its will when it dies), in the form
 * {@link PortalStatus} reads. A status speaks only for the boot it names: it changes the portal's online flag
 * when that boot is the portal's current one (its latest Birth), and nothing otherwise. So a late will of an
 * earlier boot, a status for a portal that never sent a Birth, and junk all leave the state and the retained
 * documents alone; junk is dead-lettered ({@code bad-status}), the others are counted ({@code statusIgnored}).
 */
public final class StatusIngest {
    private static final int MAX_BYTES = 1024;

    private final Store store;
    private final GamePublisher publisher;
    private final DeadLetters deadLetters;
    private final BridgeCounters counters;
    private final Clock clock;

    /** Bridges of a share group each hear every status: the portal's stream lock makes one of them apply it. */
    private final boolean sharedStreams;

    public StatusIngest(BridgeParts parts, boolean sharedStreams) {
        this.sharedStreams = sharedStreams;
        this.store = parts.store();
        this.publisher = parts.publisher();
        this.deadLetters = parts.deadLetters();
        this.counters = parts.counters();
        this.clock = parts.clock();
    }

    /** What a status did: nothing (not the current boot's), nothing new, or this change. */
    private record Outcome(boolean ignored, Optional<PortalState> changed) {
    }

    public void onStatus(DeviceId device, Topic topic, byte[] payload) {
        counters.count(Counter.STATUS_RECEIVED);
        if (payload.length == 0) {
            return; // an empty retained message clears the topic: nothing to learn
        }
        PortalStatus status;
        try {
            if (payload.length > MAX_BYTES) {
                throw new PortalStatus.Malformed(payload.length + " bytes > " + MAX_BYTES);
            }
            status = PortalStatus.parse(payload, device);
        } catch (PortalStatus.Malformed e) {
            deadLetters.refuse(Refusal.BAD_STATUS, e.getMessage() + " (expected {\"state\":\"online\"|\"offline\","
                    + "\"deviceId\":...,\"bootId\":\"xxxxxxxx\"})", topic.value(), payload);
            return;
        }
        long now = clock.millis();
        Outcome outcome = store.inTransaction(tx -> {
            if (sharedStreams) {
                tx.sharedStreams().lock(device.value());
            }
            Optional<PortalState> portal = tx.portal(device.value());
            if (portal.isEmpty() || portal.get().bootId() == null || portal.get().bootId() != status.bootId()) {
                return new Outcome(true, Optional.empty());
            }
            if (portal.get().online() == status.online()) {
                return new Outcome(false, Optional.empty());
            }
            PortalState updated = portal.get().withOnline(status.online(), now);
            tx.savePortal(updated);
            return new Outcome(false, Optional.of(updated));
        });
        if (outcome.ignored()) {
            counters.count(Counter.STATUS_IGNORED);
        }
        outcome.changed().ifPresent(publisher::publishPortal);
    }
}
