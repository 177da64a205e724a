package dev.portal.bridge.player;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.game.BridgeParts;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.game.RequestEnvelope;
import dev.portal.bridge.game.UpdateParser;
import dev.portal.bridge.limits.KeyedBuckets;
import dev.portal.bridge.limits.Rate;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.link.GameTopics;
import dev.portal.link.Topic;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The player API of the bridge (issue 14): web-code registrations, claims, toy histories and player requests.
 * Each request is counted, its envelope read as strictly as an update's (unanswerable ones are dead letters
 * {@code bad-request}), rate-limited, carried out by the handler of its kind and answered on its replyTo. Runs on
 * the bridge's worker thread.
 * <p>MQTT does not tell the bridge who published a request, so the "sender" a rate limit counts is the reply
 * topic it names; claims are limited per toy besides, so guessing one toy's code is slow whatever the sender.
 */
public final class PlayerApi {
    public static final Rate PER_SENDER = Rate.of(120, Duration.ofMinutes(1));
    public static final Rate CLAIMS_PER_TOY = Rate.of(10, Duration.ofMinutes(1));
    static final String TOO_MANY = "too many requests; try again later";
    /** A reply larger than this is refused rather than sent: the shipped broker's max_packet_size is 256 KiB. */
    static final int MAX_REPLY_BYTES = 240 * 1024;

    private final GamePublisher publisher;
    private final Store store;
    private final DeadLetters deadLetters;
    private final BridgeCounters counters;
    private final Clock clock;
    private final KeyedBuckets senders = new KeyedBuckets(PER_SENDER);
    private final KeyedBuckets claimsPerToy = new KeyedBuckets(CLAIMS_PER_TOY);
    private final Map<RequestKind, RequestHandler> handlers = new EnumMap<>(RequestKind.class);

    public PlayerApi(BridgeParts parts) {
        this.publisher = parts.publisher();
        this.store = parts.store();
        this.deadLetters = parts.deadLetters();
        this.counters = parts.counters();
        this.clock = parts.clock();
        handlers.put(RequestKind.WEBCODE, new WebCodeRegistration(store, clock));
        handlers.put(RequestKind.CLAIM, new ToyClaims(store, clock));
        handlers.put(RequestKind.HISTORY, new ToyHistory(store));
        handlers.put(RequestKind.PLAYER, new PlayerData(store));
    }

    /** Whether {@code topic} is one of the requests this API answers. */
    public static boolean serves(Topic topic) {
        return kind(topic).isPresent();
    }

    /** Counts a request refused before it was read (too large), as its kind's own counters count every request. */
    public void countReceived(Topic topic) {
        kind(topic).ifPresent(k -> counters.count(k.received));
    }

    public void onRequest(Topic topic, byte[] payload) {
        Optional<RequestKind> found = kind(topic);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("not a player API topic: " + topic);
        }
        RequestKind kind = found.get();
        String name = topic.levels().get(2);
        counters.count(kind.received);
        RequestEnvelope envelope;
        try {
            envelope = RequestEnvelope.read(payload);
        } catch (UpdateParser.Unanswerable e) {
            deadLetters.refuse(Refusal.BAD_REQUEST, e.getMessage(), topic.value(), payload);
            return;
        }
        Answer answer = withinLimits(kind, envelope, name) ? handlers.get(kind).handle(envelope, name)
                : limited(kind, envelope, name);
        counters.count(answer.applied() ? kind.applied : kind.rejected);
        for (String uid : answer.changedToys()) {
            store.inTransaction(tx -> tx.toy(uid)).ifPresent(publisher::publishToy);
        }
        ObjectNode reply = answer.reply();
        if (GameJson.bytes(reply).length > MAX_REPLY_BYTES) {
            reply.removeAll();
            reply.put("correlationId", envelope.correlationId());
            reply.put("status", "rejected");
            reply.put("detail", "the answer would exceed " + MAX_REPLY_BYTES + " bytes");
        }
        publisher.send(envelope.replyTo(), reply, false);
    }

    private boolean withinLimits(RequestKind kind, RequestEnvelope envelope, String name) {
        long now = clock.millis();
        return senders.tryTake(envelope.replyTo().value(), now)
                && (kind != RequestKind.CLAIM || claimsPerToy.tryTake(name, now));
    }

    private Answer limited(RequestKind kind, RequestEnvelope envelope, String name) {
        counters.count(Counter.GAME_REQUESTS_LIMITED);
        if (kind == RequestKind.PLAYER) {
            String player = RequestEnvelope.validPlayer(name) ? name : null;
            return Answer.rejected(Answer.playerReply(envelope, player, "rejected", TOO_MANY));
        }
        String uid = RequestEnvelope.validUid(name) ? name : null;
        return Answer.rejected(Answer.toyReply(envelope, uid, "rejected", TOO_MANY));
    }

    private static Optional<RequestKind> kind(Topic topic) {
        return switch (GameTopics.parse(topic).orElse(null)) {
            case GameTopics.ToyRequest request -> Optional.of(RequestKind.of(request.kind()));
            case GameTopics.PlayerRequest ignored -> Optional.of(RequestKind.PLAYER);
            case null, default -> Optional.empty();
        };
    }
}
