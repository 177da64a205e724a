package dev.portal.bridge.store;

import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.state.PendingWrite;

import java.util.List;
import java.util.Optional;

/**
 * What lets a bridge finish what another left (V9.sql), inside one transaction: each bridge's lease on its event
 * outbox (the owner is a bridge's MQTT client id, as in the outbox), and the tag writes sent and not answered yet,
 * which any bridge settles.
 */
public interface TakeoverRecords {
    /**
     * Starts or extends the owner's lease until {@code expiresMillis}; false when it had no lease row (its
     * first start, or another bridge took over what it owned while it was away).
     */
    boolean renewLease(String owner, long expiresMillis);

    /** The owners, other than {@code self}, whose lease ran out before {@code nowMillis}, by name. */
    List<String> expiredLeases(String self, long nowMillis);

    /**
     * Takes over {@code dead}'s outbox if its lease has still run out before {@code nowMillis}: deletes the lease
     * row and moves the events to {@code heir}, renumbered from {@code firstPosition} in their order. Returns the
     * moved events as {@code heir}'s, or nothing when another transaction took them first or {@code dead} renewed
     * its lease meanwhile. Only one of several transactions trying at once can take them.
     */
    List<OutboxEvent> takeOutbox(String dead, String heir, long firstPosition, long nowMillis);

    /** Remembers a write before its command goes out, so whichever bridge gets the answer can settle it. */
    void addWrite(PendingWrite write);

    /** The write sent with {@code correlationId}, if it is still waiting for its answer. */
    Optional<PendingWrite> pendingWrite(long correlationId);

    /** Forgets the write; false when it was not waiting any more (another bridge settled it first). */
    boolean settleWrite(long correlationId);

    /** Writes whose due time is before {@code beforeMillis}, oldest first, at most {@code limit}. */
    List<PendingWrite> overdueWrites(long beforeMillis, int limit);
}
