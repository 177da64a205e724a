package dev.portal.bridge.game;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.mqtt.MqttLink;
import dev.portal.bridge.mqtt.MqttLinkException;
import dev.portal.bridge.state.Effects;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.state.ToyProfile;
import dev.portal.bridge.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Publishes committed changes to game servers: retained portal and toy documents, and the event stream. */
public final class GamePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(GamePublisher.class);

    private final MqttLink link;
    private final Store store;
    private final BridgeCounters counters;

    public GamePublisher(MqttLink link, Store store, BridgeCounters counters) {
        this.link = link;
        this.store = store;
        this.counters = counters;
    }

    public void publish(Effects effects) {
        effects.portals().forEach(this::portal);
        effects.toys().forEach(this::toy);
        effects.events().forEach(this::event);
    }

    /**
     * Publishes again every portal's document and those of the toys active in the last run's final
     * {@code window}: a run that died between a commit and the broker's copy of its documents left them stale,
     * and retained documents are what a game server reads first. Events of that moment cannot be recalled.
     */
    public void refreshRetained(Duration window) {
        record Snapshot(List<PortalState> portals, List<ToyProfile> toys) { }
        Snapshot snapshot = store.inTransaction(tx -> new Snapshot(tx.portals(), tx.toys()));
        snapshot.portals().forEach(this::portal);
        long newest = snapshot.toys().stream().mapToLong(ToyProfile::lastSeenMillis).max().orElse(0);
        snapshot.toys().stream().filter(t -> t.lastSeenMillis() >= newest - window.toMillis()).forEach(this::toy);
    }

    public void portal(PortalState portal) {
        send(GameTopics.portal(portal.deviceId()), GameJson.portal(portal), true);
    }

    public void toy(ToyProfile toy) {
        record Where(Optional<Placement> placement, List<PlaySession> sessions) { }
        Where where = store.inTransaction(tx -> new Where(tx.placementOf(toy.uid()), tx.sessions(toy.uid())));
        send(GameTopics.toy(toy.uid()), GameJson.toy(toy, where.placement(), where.sessions()), true);
    }

    public void event(GameEvent event) {
        send(GameTopics.EVENTS, GameJson.event(event), false);
        counters.count("eventsPublished");
    }

    public void send(String topic, ObjectNode document, boolean retained) {
        try {
            link.publish(topic, GameJson.bytes(document), 1, retained);
        } catch (MqttLinkException e) {
            counters.count("publishFailures");
            LOG.warn("could not publish to {}: {}", topic, e.getMessage());
        }
    }
}
