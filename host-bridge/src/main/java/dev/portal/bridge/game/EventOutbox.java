package dev.portal.bridge.game;

import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.Qos;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.store.StoreTx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * game/events with at-least-once delivery across bridge crashes. An event is written to the outbox in the
 * transaction of the change it reports, published after that commits, and deleted once the broker has
 * acknowledged it. Whatever the broker has not acknowledged after {@code resendAfter} is published again (a
 * clean session drops its in-flight messages on a disconnect, a full buffer drops its oldest), and a bridge
 * that died publishes what is left when it starts, before anything new, or another bridge sharing the database
 * does once the dead one's lease has run out (BridgeLease); a copy keeps its eventId.
 * Everything but the delivery callbacks runs on the bridge's worker thread.
 */
public final class EventOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(EventOutbox.class);
    private static final int MANY_CONFIRMED = 256;

    private final Store store;
    private final BrokerLink link;
    private final BridgeCounters counters;
    private final String owner;
    private final long resendAfterNanos;
    /** Positions the broker has acknowledged, filled by the client's callback thread. */
    private final ConcurrentLinkedQueue<Long> confirmed = new ConcurrentLinkedQueue<>();
    /** Published, not yet acknowledged, by position: when each was last sent. */
    private final TreeMap<Long, Sent> unconfirmed = new TreeMap<>();
    private long nextPosition;
    /** The size of {@link #unconfirmed}, for readers on other threads (the metrics page). */
    private volatile int waiting;

    /** One publish of an event: when, and its answer from the broker (confirmed, or failed). */
    private record Sent(OutboxEvent event, long atNanos, CompletableFuture<Void> answer) {
    }

    /** @param owner this bridge's MQTT client id: bridges sharing a database each resend their own events */
    public EventOutbox(Store store, BrokerLink link, BridgeCounters counters, String owner, Duration resendAfter) {
        this.store = store;
        this.link = link;
        this.counters = counters;
        this.owner = owner;
        this.resendAfterNanos = resendAfter.toNanos();
        this.nextPosition = store.inTransaction(tx -> tx.nextOutboxPosition(owner));
        Map<String, Long> waiting = store.inTransaction(StoreTx::outboxOwners);
        waiting.forEach((other, count) -> {
            if (!other.equals(owner)) {
                LOG.info("{} game events of the bridge with client id {} wait in the outbox; that bridge sends them, "
                        + "or a running one once its lease has run out", count, other);
            }
        });
    }

    /** Writes the events to the outbox inside the caller's transaction; publish them once it has committed. */
    public List<OutboxEvent> stage(StoreTx tx, List<GameEvent> events) {
        List<OutboxEvent> staged = new ArrayList<>(events.size());
        long position = nextPosition;
        for (GameEvent event : events) {
            OutboxEvent entry = new OutboxEvent(position++, event.eventId(), GameJson.text(GameJson.event(event)));
            tx.addToOutbox(owner, entry);
            staged.add(entry);
        }
        nextPosition = position; // a rolled-back transaction only leaves a gap, which costs nothing
        return staged;
    }

    public void publish(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            send(event);
            counters.count(Counter.EVENTS_PUBLISHED);
        }
    }

    private void send(OutboxEvent event) {
        long at = System.nanoTime();
        CompletableFuture<Void> answer = link.publish(GameTopics.EVENTS, event.json().getBytes(StandardCharsets.UTF_8),
                        Qos.AT_LEAST_ONCE, false)
                .whenComplete((ok, e) -> {
                    if (e == null) {
                        confirmed.add(event.position());
                    } else {
                        counters.count(Counter.PUBLISH_FAILURES);
                        LOG.warn("could not publish event {} (sent again later): {}", event.eventId(), e.getMessage());
                    }
                });
        unconfirmed.put(event.position(), new Sent(event, at, answer));
        waiting = unconfirmed.size();
    }

    /** Events published and not yet confirmed by the broker (they stay in the outbox until then); any thread. */
    public int waiting() {
        return waiting;
    }

    /** Publishes again the events a previous run of this bridge staged but never saw confirmed. */
    public int resendLeftovers() {
        List<OutboxEvent> left = store.inTransaction(tx -> tx.outbox(owner));
        if (!left.isEmpty()) {
            LOG.info("publishing again {} events the broker had not confirmed before the bridge stopped", left.size());
            counters.count(Counter.EVENTS_RESENT, left.size());
        }
        left.forEach(this::send);
        return left.size();
    }

    /**
     * Takes over the outbox of {@code dead}, a bridge whose lease ran out before {@code nowMillis} (see
     * BridgeLease), and publishes its events after this bridge's own, in their order and with their eventIds (a
     * game server drops a copy if the dead bridge had published one). Returns how many; 0 when another bridge
     * took them first, and while this one is not connected: a bridge cut off from the broker leaves them to one
     * that is not.
     */
    public int adopt(String dead, long nowMillis) {
        if (!link.isConnected()) {
            return 0;
        }
        long first = nextPosition;
        List<OutboxEvent> taken = store.inTransaction(tx -> tx.takeover().takeOutbox(dead, owner, first, nowMillis));
        if (taken.isEmpty()) {
            return 0;
        }
        nextPosition = taken.getLast().position() + 1;
        LOG.info("publishing {} events of the bridge with client id {}, whose lease ran out", taken.size(), dead);
        counters.count(Counter.EVENTS_RESENT, taken.size());
        taken.forEach(this::send);
        return taken.size();
    }

    /**
     * Stops sending again the events another bridge took over (this one stalled longer than its lease): they
     * are that bridge's to send now. What this one staged since stays.
     */
    public void forgetTakenOver() {
        Set<Long> kept = new HashSet<>();
        store.inTransaction(tx -> tx.outbox(owner)).forEach(event -> kept.add(event.position()));
        unconfirmed.keySet().retainAll(kept);
        waiting = unconfirmed.size();
    }

    /** Deletes what the broker has confirmed, then sends again, in order, what it left unconfirmed too long. */
    public void maintain() {
        forgetConfirmed();
        if (!link.isConnected() || unconfirmed.isEmpty()) {
            return; // while disconnected, what was published waits in the client's buffer
        }
        long now = System.nanoTime();
        List<OutboxEvent> overdue = unconfirmed.values().stream()
                .filter(s -> now - s.atNanos() >= resendAfterNanos).map(Sent::event).toList();
        if (!overdue.isEmpty()) {
            LOG.info("publishing again {} events the broker has not confirmed for {} s", overdue.size(),
                    Duration.ofNanos(resendAfterNanos).toSeconds());
            counters.count(Counter.EVENTS_RESENT, overdue.size());
            overdue.forEach(this::send);
        }
    }

    /**
     * Deletes the confirmed events now if many have gathered since the last {@link #maintain}: after a restart
     * the backlog of frames makes a thousand events in a second, and a bridge killed then would send them all
     * again.
     */
    public void forgetConfirmedIfMany() {
        if (confirmed.size() >= MANY_CONFIRMED) {
            forgetConfirmed();
        }
    }

    /**
     * Completes once the broker has answered every event published so far (exceptionally if one failed: it
     * stays in the outbox and goes out when the bridge next runs). A bridge stopping on purpose waits for it.
     */
    public CompletableFuture<Void> answered() {
        return CompletableFuture.allOf(unconfirmed.values().stream().map(Sent::answer)
                .toArray(CompletableFuture[]::new));
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
        try {
            store.inTransaction(tx -> {
                done.forEach(position -> tx.removeFromOutbox(owner, position));
                return null;
            });
            done.forEach(unconfirmed::remove);
            waiting = unconfirmed.size();
        } catch (RuntimeException e) {
            confirmed.addAll(done); // tried again next time; meanwhile they are not sent again
            done.forEach(unconfirmed::remove);
            waiting = unconfirmed.size();
            LOG.warn("could not delete {} confirmed events from the outbox: {}", done.size(), e.toString());
        }
    }
}
