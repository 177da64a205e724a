package dev.portal.bridge.player;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.game.RequestEnvelope;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.XpPoint;
import dev.portal.bridge.store.Store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * game/toys/{uid}/history: a toy's play sessions (newest first) and the points of its XP history (oldest
 * first), for charts. Bounded so the reply stays far below the broker's packet limit.
 */
final class ToyHistory implements RequestHandler {
    static final int MAX_SESSIONS = 200;
    static final int MAX_XP_POINTS = 500;

    private final Store store;

    ToyHistory(Store store) {
        this.store = store;
    }

    @Override
    public Answer handle(RequestEnvelope envelope, String uid) {
        if (!RequestEnvelope.validUid(uid)) {
            return rejected(envelope, null, "the topic's uid must be 2..20 upper-case hex digits");
        }
        List<String> others = envelope.fieldsOtherThan(Set.of());
        if (!others.isEmpty()) {
            return rejected(envelope, uid, "takes correlationId and replyTo only, not " + others);
        }
        record History(List<PlaySession> sessions, List<XpPoint> xp) { }
        Optional<History> history = store.inTransaction(tx -> tx.toy(uid).map(t -> new History(
                tx.players().newestSessions(uid, MAX_SESSIONS), tx.players().xpHistory(uid, MAX_XP_POINTS))));
        if (history.isEmpty()) {
            return rejected(envelope, uid, "unknown toy");
        }
        ObjectNode reply = Answer.toyReply(envelope, uid, "ok", history.get().sessions().size() + " sessions, "
                + history.get().xp().size() + " XP points");
        reply.set("sessions", sessions(history.get().sessions()));
        reply.set("xp", xp(history.get().xp()));
        return Answer.applied(reply);
    }

    static ArrayNode sessions(List<PlaySession> sessions) {
        ArrayNode array = GameJson.MAPPER.createArrayNode();
        sessions.forEach(s -> array.add(GameJson.session(s)));
        return array;
    }

    static ArrayNode xp(List<XpPoint> points) {
        ArrayNode array = GameJson.MAPPER.createArrayNode();
        for (XpPoint p : points) {
            ObjectNode point = array.addObject();
            point.put("at", Instant.ofEpochMilli(p.atMillis()).toString());
            point.put("xp", p.xp());
            point.put("level", p.level());
        }
        return array;
    }

    private static Answer rejected(RequestEnvelope envelope, String uid, String detail) {
        ObjectNode reply = Answer.toyReply(envelope, uid, "rejected", detail);
        reply.putArray("sessions");
        reply.putArray("xp");
        return Answer.rejected(reply);
    }
}
