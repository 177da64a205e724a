package dev.portal.bridge.player;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.game.RequestEnvelope;

import java.util.List;

/**
 * What a request came to: the reply, whether it was carried out (for the counters), and the toys whose retained
 * documents changed with it (their "claimed" flag) and are published again.
 */
record Answer(ObjectNode reply, boolean applied, List<String> changedToys) {
    Answer {
        changedToys = List.copyOf(changedToys);
    }

    /** A reply to {@code envelope} about the toy {@code uid} (null when the topic named no valid uid). */
    static ObjectNode toyReply(RequestEnvelope envelope, String uid, String status, String detail) {
        return reply(envelope, "uid", uid, status, detail);
    }

    /** A reply to {@code envelope} about the player {@code player} (null when the topic named no valid id). */
    static ObjectNode playerReply(RequestEnvelope envelope, String player, String status, String detail) {
        return reply(envelope, "player", player, status, detail);
    }

    private static ObjectNode reply(RequestEnvelope envelope, String subjectField, String subject, String status,
                                    String detail) {
        ObjectNode node = GameJson.MAPPER.createObjectNode();
        node.put("correlationId", envelope.correlationId());
        node.put(subjectField, subject);
        node.put("status", status);
        node.put("detail", detail);
        return node;
    }

    static Answer applied(ObjectNode reply, List<String> changedToys) {
        return new Answer(reply, true, changedToys);
    }

    static Answer applied(ObjectNode reply) {
        return new Answer(reply, true, List.of());
    }

    static Answer rejected(ObjectNode reply) {
        return new Answer(reply, false, List.of());
    }
}
