package dev.portal.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.studio.account.Account;
import dev.portal.studio.game.PlayerRequests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which toys are a player's, as the bridge says (it keeps the claims): asked on every request that names a toy,
 * so a toy released or claimed elsewhere a moment ago is never treated as still the player's.
 */
final class Ownership {
    private static final Pattern UID = Pattern.compile("[0-9A-F]{2,20}");

    private final PlayerRequests bridge;

    Ownership(PlayerRequests bridge) {
        this.bridge = bridge;
    }

    static boolean isUid(String text) {
        return text != null && UID.matcher(text).matches();
    }

    List<String> toysOf(Account account) {
        List<String> uids = new ArrayList<>();
        for (JsonNode uid : Answers.ok(bridge.toysOf(account.playerId())).path("toys")) {
            uids.add(uid.asText());
        }
        return uids;
    }

    /** {@code uid} when it is the player's toy; a 404 otherwise, the same for someone else's toy and no toy. */
    String require(Account account, String uid) {
        if (!isUid(uid) || !toysOf(account).contains(uid)) {
            throw Problem.notFound("That is not one of your toys.");
        }
        return uid;
    }
}
