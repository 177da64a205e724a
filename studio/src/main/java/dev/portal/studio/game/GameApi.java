package dev.portal.studio.game;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.link.BrokerLink;
import dev.portal.link.BrokerLinkBuilder;
import dev.portal.link.GameTopics;
import dev.portal.link.InboundMessage;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.ReconnectPolicy;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The studio's one connection to the bridge's game API, as any game server would hold it: it hears the
 * retained portal and toy documents and the events, and sends requests (updates, claims, history, a player's
 * toys) whose answers come back on a reply topic of its own, matched by correlation id.
 */
public final class GameApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GameApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TopicFilter TOY_DOCUMENTS = TopicFilter.of("game/toys/+");

    private final BrokerLink link;
    private final Topic replies;
    private final Duration answerWithin;
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    private GameApi(BrokerLinkBuilder builder, GameListener listener, Duration answerWithin) throws LinkException {
        byte[] nonce = new byte[6];
        new SecureRandom().nextBytes(nonce);
        String name = "studio-" + HexFormat.of().formatHex(nonce);
        this.replies = GameTopics.replies(name);
        this.answerWithin = answerWithin;
        this.link = builder.clientId(name).cleanSession(true)
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(200), Duration.ofSeconds(5)))
                .subscribe(TopicFilter.exactly(replies), Qos.AT_LEAST_ONCE, MessageHandler.autoAck(this::reply))
                .subscribe(GameTopics.ALL_PORTALS, Qos.AT_LEAST_ONCE, MessageHandler.autoAck(m -> route(m, listener)))
                .subscribe(TOY_DOCUMENTS, Qos.AT_LEAST_ONCE, MessageHandler.autoAck(m -> route(m, listener)))
                .subscribe(TopicFilter.exactly(GameTopics.EVENTS), Qos.AT_LEAST_ONCE,
                        MessageHandler.autoAck(m -> route(m, listener)))
                .build();
    }

    /**
     * Connects through {@code builder} (server, credentials, TLS already set) and starts hearing the game topics.
     * A request not answered within {@code answerWithin} fails with a timeout.
     */
    public static GameApi connect(BrokerLinkBuilder builder, GameListener listener, Duration answerWithin,
                                  Duration connectWithin) throws LinkException {
        GameApi api = new GameApi(builder, listener, answerWithin);
        api.link.connect(connectWithin);
        return api;
    }

    /** A request body with its correlation id and reply topic filled in. */
    public ObjectNode newRequest() {
        ObjectNode node = JSON.createObjectNode();
        node.put("correlationId", replies.levels().get(2) + "-" + next.incrementAndGet());
        node.put("replyTo", replies.value());
        return node;
    }

    /** Publishes {@code request} (made by {@link #newRequest}) on {@code topic}; completes with the answer. */
    public CompletableFuture<JsonNode> ask(Topic topic, ObjectNode request) {
        String id = request.path("correlationId").asText();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        answer.whenComplete((r, e) -> waiting.remove(id));
        try {
            link.publish(topic, JSON.writeValueAsBytes(request), Qos.AT_LEAST_ONCE, false)
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            answer.completeExceptionally(e);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer.orTimeout(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean connected() {
        return link.isConnected();
    }

    private void reply(InboundMessage message) {
        JsonNode node = parse(message);
        if (node != null) {
            CompletableFuture<JsonNode> answer = waiting.get(node.path("correlationId").asText());
            if (answer != null) {
                answer.complete(node);
            }
        }
    }

    private static void route(InboundMessage message, GameListener listener) {
        var topic = GameTopics.parse(message.topic());
        if (topic.isEmpty()) {
            return;
        }
        if (message.payload().length == 0) {
            if (topic.get() instanceof GameTopics.PortalDocument p) {
                listener.portal(p.device().value(), null);
            }
            return;
        }
        JsonNode node = parse(message);
        if (node == null) {
            return;
        }
        switch (topic.get()) {
            case GameTopics.PortalDocument p -> listener.portal(p.device().value(), node);
            case GameTopics.ToyDocument t -> listener.toy(t.uid(), node);
            case GameTopics.Events e -> listener.event(node);
            default -> { }
        }
    }

    private static JsonNode parse(InboundMessage message) {
        try {
            JsonNode node = JSON.readTree(message.payload());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            LOG.debug("not JSON on {}", message.topic());
            return null;
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
