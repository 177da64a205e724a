package dev.portal.bridge.game;

import dev.portal.bridge.mqtt.MqttLink;
import dev.portal.bridge.mqtt.MqttLinkException;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.store.StoreTx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * game/events with at-least-once delivery across bridge crashes. An event is written to the outbox in the
 * transaction of the change it reports, published after that commits, and deleted once the broker has
 * acknowledged it; a bridge that died in between publishes what is left when it starts again, with the same
 * eventId, before anything new. Staging and publishing run on the bridge's worker thread.
 */
public final class EventOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(EventOutbox.class);

    private final Store store;
    private final MqttLink link;
    private final BridgeCounters counters;
    private final String owner;
    private final ConcurrentLinkedQueue<Long> confirmed = new ConcurrentLinkedQueue<>();
    private long nextPosition;

    /** @param owner this bridge's MQTT client id: bridges sharing a database each resend their own events */
    public EventOutbox(Store store, MqttLink link, BridgeCounters counters, String owner) {
        this.store = store;
        this.link = link;
        this.counters = counters;
        this.owner = owner;
        this.nextPosition = store.inTransaction(tx -> tx.nextOutboxPosition(owner));
    }

    /** Writes the events to the outbox inside the caller's transaction; publish them once it has committed. */
    public List<OutboxEvent> stage(StoreTx tx, List<GameEvent> events) {
        List<OutboxEvent> staged = new ArrayList<>(events.size());
        long position = nextPosition;
        for (GameEvent event : events) {
            OutboxEvent entry = new OutboxEvent(position++, event.eventId(),
                    new String(GameJson.bytes(GameJson.event(event)), StandardCharsets.UTF_8));
            tx.addToOutbox(owner, entry);
            staged.add(entry);
        }
        nextPosition = position; // a rolled-back transaction only leaves a gap, which costs nothing
        return staged;
    }

    public void publish(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            try {
                link.publish(GameTopics.EVENTS, event.json().getBytes(StandardCharsets.UTF_8), 1, false,
                        () -> confirmed.add(event.position()));
                counters.count("eventsPublished");
            } catch (MqttLinkException e) {
                // Still in the outbox: sent again when the bridge next starts.
                counters.count("publishFailures");
                LOG.warn("could not publish event {}: {}", event.eventId(), e.getMessage());
            }
        }
    }

    /** Publishes again the events a previous run of this bridge staged but never saw confirmed. */
    public int resendLeftovers() {
        List<OutboxEvent> left = store.inTransaction(tx -> tx.outbox(owner));
        if (!left.isEmpty()) {
            LOG.info("publishing again {} events the broker had not confirmed before the bridge stopped", left.size());
            counters.count("eventsResent", left.size());
        }
        publish(left);
        return left.size();
    }

    /** Deletes the events the broker has confirmed since the last call. */
    public void forgetConfirmed() {
        if (confirmed.isEmpty()) {
            return;
        }
        List<Long> done = new ArrayList<>();
        for (Long position; (position = confirmed.poll()) != null; ) {
            done.add(position);
        }
        store.inTransaction(tx -> {
            done.forEach(position -> tx.removeFromOutbox(owner, position));
            return null;
        });
    }
}
