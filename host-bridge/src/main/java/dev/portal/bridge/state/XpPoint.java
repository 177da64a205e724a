package dev.portal.bridge.state;

/** A toy's XP and level from the moment {@code atMillis} on: one point of its XP history. */
public record XpPoint(long atMillis, long xp, int level) {
}
