package dev.portal.bridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.mqtt.MqttLink;
import dev.portal.bridge.mqtt.MqttLinkException;
import dev.portal.bridge.mqtt.MqttSettings;
import dev.portal.bridge.mqtt.PahoMqttLink;

import java.io.IOException;
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
    private final MqttLink link;
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    public SampleGameServer(String serverUri, String name) throws MqttLinkException {
        this.name = name;
        this.link = new PahoMqttLink(MqttSettings.plain(serverUri, "game-" + name + "-" + System.nanoTime()),
                (topic, payload, retained) -> onReply(payload));
        link.connect();
        link.subscribe(replyTopic(), 1);
    }

    public String replyTopic() {
        return "game/replies/" + name;
    }

    /** The player won something: award XP. Completes with the bridge's reply (status written/queued/...). */
    public CompletableFuture<JsonNode> awardXp(String uid, long amount) throws MqttLinkException {
        ObjectNode request = request("awardXp");
        request.put("amount", amount);
        return send(uid, request);
    }

    public CompletableFuture<JsonNode> rename(String uid, String newName) throws MqttLinkException {
        ObjectNode request = request("rename");
        request.put("name", newName);
        return send(uid, request);
    }

    public CompletableFuture<JsonNode> unlockUpgrade(String uid, int upgrade) throws MqttLinkException {
        ObjectNode request = request("unlockUpgrade");
        request.put("upgrade", upgrade);
        return send(uid, request);
    }

    private ObjectNode request(String action) {
        ObjectNode node = GameJson.MAPPER.createObjectNode();
        node.put("correlationId", name + "-" + next.incrementAndGet());
        node.put("replyTo", replyTopic());
        node.put("action", action);
        return node;
    }

    private CompletableFuture<JsonNode> send(String uid, ObjectNode request) throws MqttLinkException {
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        waiting.put(request.get("correlationId").asText(), reply);
        link.publish("game/toys/" + uid + "/update", GameJson.bytes(request), 1, false);
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
