package dev.portal.bridge.app;

import dev.portal.bridge.game.UpdateParser;
import dev.portal.bridge.game.UpdateService;
import dev.portal.bridge.ingest.FrameSink;
import dev.portal.bridge.ingest.StatusIngest;
import dev.portal.bridge.player.PlayerApi;
import dev.portal.bridge.store.StoreUnavailableException;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.bridge.telemetry.LogSafe;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.link.Acknowledgement;
import dev.portal.link.GameTopics;
import dev.portal.link.InboundMessage;
import dev.portal.link.PortalTopics;
import dev.portal.link.Topic;
import dev.portal.protocol.frame.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Which part of the bridge handles a message from the broker, by its topic; and what is refused before that. */
final class MessageRouter {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);

    private final FrameSink frames;
    private final StatusIngest statuses;
    private final UpdateService updates;
    private final PlayerApi players;
    private final DeadLetters deadLetters;
    private final BridgeCounters counters;

    MessageRouter(FrameSink frames, StatusIngest statuses, UpdateService updates, PlayerApi players,
                  DeadLetters deadLetters, BridgeCounters counters) {
        this.frames = frames;
        this.statuses = statuses;
        this.updates = updates;
        this.players = players;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    /**
     * A message larger than anything its topic may carry is refused here, on the link's thread, before it is
     * queued: the worker's queue holds only messages of a sensible size. (The broker's own limit,
     * max_packet_size in the shipped mosquitto.conf, keeps the far larger ones from reaching the bridge at all.)
     */
    boolean refusedAsOversized(InboundMessage message) {
        boolean frame = PortalTopics.parse(message.topic()).filter(p -> p.kind() == PortalTopics.Kind.EVENTS)
                .isPresent();
        int limit = frame ? Limits.MAX_FRAME : UpdateParser.MAX_BYTES;
        if (message.payload().length <= limit) {
            return false;
        }
        // Counted as received, as their handlers count every frame and every update request they refuse.
        if (frame) {
            counters.count(Counter.FRAMES_RECEIVED);
        } else if (GameTopics.parse(message.topic()).orElse(null) instanceof GameTopics.ToyUpdate) {
            counters.count(Counter.UPDATES_RECEIVED);
        } else {
            players.countReceived(message.topic());
        }
        deadLetters.refuse(Refusal.OVERSIZED, message.payload().length + " bytes > " + limit, message.topic().value(),
                message.payload());
        return true;
    }

    /** On the worker thread. */
    void route(InboundMessage message, long receivedMillis, Acknowledgement ack) {
        Topic topic = message.topic();
        try {
            Optional<PortalTopics.PortalTopic> portal = PortalTopics.parse(topic);
            if (portal.isPresent() && portal.get().kind() == PortalTopics.Kind.EVENTS) {
                frames.onFrame(portal.get().device(), topic, message.payload(), receivedMillis, ack);
                return;
            }
            frames.flush(); // what came before this message is applied before it
            if (portal.isPresent() && portal.get().kind() == PortalTopics.Kind.STATUS) {
                statuses.onStatus(portal.get().device(), topic, message.payload());
            } else if (GameTopics.parse(topic).orElse(null) instanceof GameTopics.ToyUpdate update) {
                updates.onRequest(topic, update.uid(), message.payload());
            } else if (PlayerApi.serves(topic)) {
                players.onRequest(topic, message.payload());
            } else {
                // A topic our filters let through but that names no portal of ours (portal/emoji-🐉/evt):
                // counted as a dead letter, acknowledged, never retried.
                deadLetters.refuse(Refusal.BAD_TOPIC, "not portal/{deviceId}/evt|status nor game/toys/{uid}/update",
                        topic.value(), message.payload());
            }
            ack.acknowledge();
        } catch (StoreUnavailableException e) {
            // Only when the bridge stops while waiting for its store: the broker sends the message again.
            LOG.info("not acknowledged, the store is unavailable: a message on {}", topic);
        } catch (RuntimeException e) {
            // Whatever went wrong with one message must not stop the bridge, nor come back after every
            // reconnect: it is counted, logged and acknowledged.
            counters.count(Counter.INTERNAL_ERRORS);
            LOG.error("handling a message on {} failed", LogSafe.text(topic.value()), e);
            ack.acknowledge();
        }
    }
}
