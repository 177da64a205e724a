package dev.portal.bridge.store;

import dev.portal.bridge.state.OutboxEvent;

import java.util.List;

/**
 * Each bridge's lease on what it owns in the shared database (V9.sql), inside one transaction. The owner is a
 * bridge's MQTT client id, as in the event outbox.
 */
public interface BridgeLeases {
    /**
     * Starts or extends the owner's lease until {@code expiresMillis}; false when it had no lease row (its
     * first start, or another bridge took over what it owned while it was away).
     */
    boolean renew(String owner, long expiresMillis);

    /** The owners, other than {@code self}, whose lease ran out before {@code nowMillis}, by name. */
    List<String> expired(String self, long nowMillis);

    /**
     * Takes over {@code dead}'s outbox if its lease has still run out before {@code nowMillis}: deletes the lease
     * row and moves the events to {@code heir}, renumbered from {@code firstPosition} in their order. Returns the
     * moved events as {@code heir}'s, or nothing when another transaction took them first or {@code dead} renewed
     * its lease meanwhile. Only one of several transactions trying at once can take them.
     */
    List<OutboxEvent> takeOutbox(String dead, String heir, long firstPosition, long nowMillis);
}
