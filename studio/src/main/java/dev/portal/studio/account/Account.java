package dev.portal.studio.account;

import java.time.Instant;

/**
 * A player's account. {@code playerId} is what the bridge knows the player by: opaque, random, never the name,
 * so a renamed or deleted account leaves no name in the host's play history.
 */
public record Account(String playerId, String name, Instant created) {
}
