package dev.portal.studio.game;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.link.GameTopics;
import dev.portal.link.Topic;
import dev.portal.studio.design.Look;

import java.util.concurrent.CompletableFuture;

/**
 * The game-API requests the studio makes for a player (host-bridge/asyncapi.yaml): claim a toy with its web
 * code, list and export the player's toys, a toy's history, forget the player, and the co-design updates,
 * which carry the player so that the bridge itself refuses a change to a toy that is not theirs.
 */
public final class PlayerRequests {
    private final GameApi api;

    public PlayerRequests(GameApi api) {
        this.api = api;
    }

    public CompletableFuture<JsonNode> claim(String uid, String player, String code) {
        ObjectNode request = api.newRequest().put("player", player).put("code", code);
        return api.ask(GameTopics.toyRequest(uid, GameTopics.ToyRequestKind.CLAIM), request);
    }

    public CompletableFuture<JsonNode> toysOf(String player) {
        return api.ask(playerTopic(player), api.newRequest().put("action", "toys"));
    }

    public CompletableFuture<JsonNode> export(String player) {
        return api.ask(playerTopic(player), api.newRequest().put("action", "export"));
    }

    public CompletableFuture<JsonNode> forget(String player) {
        return api.ask(playerTopic(player), api.newRequest().put("action", "forget"));
    }

    public CompletableFuture<JsonNode> history(String uid) {
        return api.ask(GameTopics.toyRequest(uid, GameTopics.ToyRequestKind.HISTORY), api.newRequest());
    }

    public CompletableFuture<JsonNode> rename(String uid, String player, String name) {
        return api.ask(GameTopics.toyUpdate(uid), update("rename", player).put("name", name));
    }

    public CompletableFuture<JsonNode> recolour(String uid, String player, Look look) {
        ObjectNode request = update("recolour", player);
        request.putObject("colours").put("primary", look.primary()).put("secondary", look.secondary())
                .put("accent", look.accent());
        return api.ask(GameTopics.toyUpdate(uid), request);
    }

    public CompletableFuture<JsonNode> unlockUpgrade(String uid, String player, int upgrade) {
        return api.ask(GameTopics.toyUpdate(uid), update("unlockUpgrade", player).put("upgrade", upgrade));
    }

    private ObjectNode update(String action, String player) {
        return api.newRequest().put("action", action).put("player", player);
    }

    private static Topic playerTopic(String player) {
        return GameTopics.playerRequest(player);
    }
}
