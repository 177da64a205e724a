package dev.portal.bridge.game;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.limits.InputLimits;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.GameTopics;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.bridge.state.AfterCommit;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.state.ToyClaim;
import dev.portal.bridge.state.ToyProfile;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.store.StoreTx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Publishes committed changes to game servers: retained portal and toy documents, and the event stream. */
public final class GamePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(GamePublisher.class);

    private final BrokerLink link;
    private final Store store;
    private final BridgeCounters counters;
    private final EventOutbox outbox;
    private final PortalDocuments portalDocuments;
    private final Clock clock;
    private final PublishObserver observer;
    private final Optional<LockedDocuments> locked;

    /** Portal documents paced as the default limits say, on the system clock. */
    public GamePublisher(BrokerLink link, Store store, BridgeCounters counters, EventOutbox outbox) {
        this(link, store, counters, outbox, Clock.systemUTC(), InputLimits.defaults().portalDocumentInterval());
    }

    /** @param portalInterval the least time between two retained documents of one portal */
    public GamePublisher(BrokerLink link, Store store, BridgeCounters counters, EventOutbox outbox, Clock clock,
                         Duration portalInterval) {
        this(link, store, counters, outbox, clock, portalInterval, PublishObserver.NONE);
    }

    /** @param observer hears every portal document and event published (metrics, Home Assistant) */
    public GamePublisher(BrokerLink link, Store store, BridgeCounters counters, EventOutbox outbox, Clock clock,
                         Duration portalInterval, PublishObserver observer) {
        this(link, store, counters, outbox, clock, portalInterval, observer, false);
    }

    /**
     * @param locked each retained document under its row's lock, from the row as it is ({@link LockedDocuments}):
     *               for bridges sharing the portals
     */
    public GamePublisher(BrokerLink link, Store store, BridgeCounters counters, EventOutbox outbox, Clock clock,
                         Duration portalInterval, PublishObserver observer, boolean locked) {
        this.locked = locked ? Optional.of(new LockedDocuments(store, link, counters)) : Optional.empty();
        this.link = link;
        this.clock = clock;
        this.observer = observer;
        this.store = store;
        this.counters = counters;
        this.outbox = outbox;
        this.portalDocuments = new PortalDocuments(clock, portalInterval, this::sendPortal);
    }

    /** Writes the events of {@code after} to the outbox inside {@code tx}, the transaction that made them. */
    public AfterCommit stageEvents(StoreTx tx, AfterCommit after) {
        after.addStaged(outbox.stage(tx, after.events()));
        return after;
    }

    /**
     * Documents first, then events: a game server that reads a toy's document on an event finds it at least as
     * new as the event. Each document is published once however many changes of it {@code after} gathered.
     * When bridges share the portals, this returns once the broker has the events: the caller holds the
     * portals' stream locks until then, so the next bridge's events of a portal come after these.
     */
    public void publish(AfterCommit after) {
        if (after.staged().size() != after.events().size()) {
            throw new IllegalStateException("events must be staged in their transaction before they are published");
        }
        after.portals().forEach(this::publishPortal);
        publishToys(after.toys());
        after.foreignToys().forEach(d -> send(GameTopics.foreignToy(d.uid()), GameJson.foreignToy(d), true));
        outbox.publish(after.staged());
        if (!after.events().isEmpty()) {
            observer.events(after.events(), clock.millis());
            locked.ifPresent(l -> l.await(outbox.answered()));
        }
    }

    /**
     * Publishes again every portal's document and those of the toys active in the last run's final
     * {@code window}: a run that died between a commit and the broker's copy of its documents left them stale,
     * and retained documents are what a game server reads first. Events of that moment cannot be recalled.
     */
    public void refreshRetained(Duration window) {
        record Snapshot(List<PortalState> portals, List<ToyProfile> toys) { }
        Snapshot snapshot = store.inTransaction(tx -> new Snapshot(tx.portals(), tx.toysActiveNear(window)));
        snapshot.portals().forEach(this::sendPortal);
        publishToys(snapshot.toys());
    }

    /** The portal's retained document, now or, within its pacing interval, with the next {@link #sendDuePortals}. */
    public void publishPortal(PortalState portal) {
        portalDocuments.publish(portal);
    }

    /** Sends the portal documents whose pacing interval is over; the bridge calls it periodically. */
    public void sendDuePortals() {
        portalDocuments.sendDue();
    }

    private void sendPortal(PortalState portal) {
        Topic topic = GameTopics.portal(DeviceId.of(portal.deviceId()));
        if (locked.isPresent()) {
            locked.get().portal(portal.deviceId(), topic, GameJson::portal).ifPresent(observer::portal);
            return;
        }
        send(topic, GameJson.portal(portal), true);
        observer.portal(portal);
    }

    public void publishToy(ToyProfile toy) {
        publishToys(List.of(toy));
    }

    /** The toys' documents, read in one transaction. */
    private void publishToys(List<ToyProfile> toys) {
        if (toys.isEmpty()) {
            return;
        }
        if (locked.isPresent()) {
            toys.forEach(t -> locked.get().toy(t.uid(), GameTopics.toy(t.uid()), GamePublisher::toyDocument));
            return;
        }
        List<ObjectNode> documents = store.inTransaction(tx -> toys.stream().map(t -> toyDocument(tx, t)).toList());
        for (int i = 0; i < toys.size(); i++) {
            send(GameTopics.toy(toys.get(i).uid()), documents.get(i), true);
        }
    }

    private static ObjectNode toyDocument(StoreTx tx, ToyProfile t) {
        return GameJson.toy(t, tx.placementOf(t.uid()), tx.playHistory(t.uid(), GameJson.RECENT_SESSIONS))
                // whether a player owns it, never who: every game server reads every toy's document
                .put("claimed", tx.players().claim(t.uid()).map(ToyClaim::claimed).orElse(false));
    }

    public void send(Topic topic, ObjectNode document, boolean retained) {
        link.publish(topic, GameJson.bytes(document), Qos.AT_LEAST_ONCE, retained).exceptionally(e -> {
            counters.count(Counter.PUBLISH_FAILURES);
            LOG.warn("could not publish to {}: {}", topic, e.getMessage());
            return null;
        });
    }
}
