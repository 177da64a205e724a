package dev.portal.bridge.state;

/**
 * A game/events message written to the outbox: its place in the owner's sequence, the event's id and the
 * JSON to publish.
 */
public record OutboxEvent(long position, String eventId, String json) {
}
