package dev.portal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal game server, as a game studio would write one: it sends toy updates to the bridge on
 * game/toys/{uid}/update and matches the bridge's replies by correlation id.
 */
public final class SampleGameServer implements AutoCloseable {
    private final String name;
    private final BrokerLink link;
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    public SampleGameServer(String serverUri, String name) throws LinkException {
        this.name = name;
        this.link = BrokerSettings.plain(serverUri, "game-" + name + "-" + System.nanoTime()).linkBuilder()
                .subscribe(TopicFilter.exactly(replyTopic()), Qos.AT_LEAST_ONCE,
                        MessageHandler.autoAck(message -> onReply(message.payload())))
                .build();
        link.connect(Duration.ofSeconds(10));
    }

    public Topic replyTopic() {
        return GameTopics.replies(name);
    }

    /** The player won something: award XP. Completes with the bridge's reply (status written/queued/...). */
    public CompletableFuture<JsonNode> awardXp(String uid, long amount) throws LinkException {
        ObjectNode request = request("awardXp");
        request.put("amount", amount);
        return send(uid, request);
    }

    public CompletableFuture<JsonNode> rename(String uid, String newName) throws LinkException {
        ObjectNode request = request("rename");
        request.put("name", newName);
        return send(uid, request);
    }

    public CompletableFuture<JsonNode> unlockUpgrade(String uid, int upgrade) throws LinkException {
        ObjectNode request = request("unlockUpgrade");
        request.put("upgrade", upgrade);
        return send(uid, request);
    }

    private ObjectNode request(String action) {
        ObjectNode node = GameJson.MAPPER.createObjectNode();
        node.put("correlationId", name + "-" + next.incrementAndGet());
        node.put("replyTo", replyTopic().value());
        node.put("action", action);
        return node;
    }

    private CompletableFuture<JsonNode> send(String uid, ObjectNode request) throws LinkException {
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        waiting.put(request.get("correlationId").asText(), reply);
        link.publishNow(GameTopics.toyUpdate(uid), GameJson.bytes(request), Qos.AT_LEAST_ONCE, false);
        return reply;
    }

    private void onReply(byte[] payload) {
        try {
            JsonNode reply = GameJson.MAPPER.readTree(payload);
            CompletableFuture<JsonNode> future = waiting.remove(reply.path("correlationId").asText());
            if (future != null) {
                future.complete(reply);
            }
        } catch (IOException e) {
            // not a reply of ours
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
