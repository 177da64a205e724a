package dev.portal.bridge.player;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.game.RequestEnvelope;
import dev.portal.bridge.state.ToyClaim;
import dev.portal.bridge.store.Store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * game/players/{player}/request: what the bridge holds about a player. {@code toys} lists the toys they own;
 * {@code export} gives each with its profile, the sessions recorded with the player and its XP history;
 * {@code forget} releases every toy they own (the web codes stay, so a code claims its toy again) and takes the
 * player off every play session. The bridge knows a player only by the id a game server chose.
 */
final class PlayerData implements RequestHandler {
    /** Sessions and XP points in one export together: the reply must stay below the broker's packet limit. */
    static final int EXPORT_SESSIONS = 200;
    static final int EXPORT_XP_POINTS = 800;

    private final Store store;

    PlayerData(Store store) {
        this.store = store;
    }

    @Override
    public Answer handle(RequestEnvelope envelope, String player) {
        if (!RequestEnvelope.validPlayer(player)) {
            return rejected(envelope, null, "the topic's player must be 1..64 of letters, digits, . _ -");
        }
        List<String> others = envelope.fieldsOtherThan(Set.of("action"));
        if (!others.isEmpty()) {
            return rejected(envelope, player, "takes correlationId, replyTo and action only, not " + others);
        }
        String action = envelope.text("action");
        if (action == null) {
            return rejected(envelope, player, "action must be one of toys, export, forget");
        }
        return switch (action) {
            case "toys" -> toys(envelope, player);
            case "export" -> export(envelope, player);
            case "forget" -> forget(envelope, player);
            default -> rejected(envelope, player, "action must be one of toys, export, forget");
        };
    }

    private Answer toys(RequestEnvelope envelope, String player) {
        List<ToyClaim> owned = store.inTransaction(tx -> tx.players().claimsOf(player));
        ObjectNode reply = Answer.playerReply(envelope, player, "ok", owned.size() + " toys");
        ArrayNode toys = reply.putArray("toys");
        owned.forEach(c -> toys.add(c.uid()));
        return Answer.applied(reply);
    }

    /** Each toy gets an even share of the sessions and XP points one export carries (see the limits above). */
    private Answer export(RequestEnvelope envelope, String player) {
        ObjectNode reply = Answer.playerReply(envelope, player, "ok", null);
        ArrayNode toys = reply.putArray("toys");
        int count = store.inTransaction(tx -> {
            List<ToyClaim> owned = tx.players().claimsOf(player);
            int sessions = Math.max(1, EXPORT_SESSIONS / Math.max(1, owned.size()));
            int points = Math.max(2, EXPORT_XP_POINTS / Math.max(1, owned.size()));
            for (ToyClaim claim : owned) {
                ObjectNode toy = toys.addObject();
                toy.put("uid", claim.uid());
                toy.put("claimedAt", claim.claimedMillis().isPresent()
                        ? Instant.ofEpochMilli(claim.claimedMillis().getAsLong()).toString() : null);
                toy.set("profile", tx.toy(claim.uid()).map(GameJson::profile).orElse(null));
                toy.set("sessions", ToyHistory.sessions(tx.players().sessionsOf(player, claim.uid(), sessions)));
                toy.set("xp", ToyHistory.xp(tx.players().xpHistory(claim.uid(), points)));
            }
            return owned.size();
        });
        reply.put("detail", count + " toys");
        return Answer.applied(reply);
    }

    private Answer forget(RequestEnvelope envelope, String player) {
        record Forgotten(List<String> released, int sessions) { }
        Forgotten forgotten = store.inTransaction(tx -> {
            List<String> owned = tx.players().claimsOf(player).stream().map(ToyClaim::uid).toList();
            tx.players().releaseAll(player);
            return new Forgotten(owned, tx.players().anonymise(player));
        });
        ObjectNode reply = Answer.playerReply(envelope, player, "ok", "released " + forgotten.released().size()
                + " toys, anonymised " + forgotten.sessions() + " play sessions");
        reply.put("released", forgotten.released().size());
        return Answer.applied(reply, forgotten.released());
    }

    private static Answer rejected(RequestEnvelope envelope, String player, String detail) {
        return Answer.rejected(Answer.playerReply(envelope, player, "rejected", detail));
    }
}
