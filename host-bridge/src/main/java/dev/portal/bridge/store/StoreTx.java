package dev.portal.bridge.store;

import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.state.PlayHistory;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.state.StateTx;
import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.state.ToyProfile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What can be read and written inside one transaction: what the state rules need, and the rest. */
public interface StoreTx extends StateTx {
    Optional<StreamPosition> stream(String deviceId, long bootId);

    List<StreamPosition> streams();

    List<PortalState> portals();

    List<ToyProfile> toys();

    /** The toys last seen no earlier than {@code window} before the most recently seen one, by uid. */
    List<ToyProfile> toysActiveNear(Duration window);


    /** The count and total time of a toy's sessions, with the {@code recent} newest in full. */
    PlayHistory playHistory(String uid, int recent);

    /** Keeps an event until the broker has confirmed it (see V4.sql). */
    void addToOutbox(String owner, OutboxEvent event);

    /** The owner's events not yet confirmed, in their order. */
    List<OutboxEvent> outbox(String owner);

    /** The owner's position after its last event still waiting, or 0. */
    long nextOutboxPosition(String owner);

    void removeFromOutbox(String owner, long position);

    /** How many events wait in the outbox, by owner. */
    Map<String, Long> outboxOwners();

    /**
     * Reserves {@code count} consecutive numbers of the counter {@code name} (a row of id_block, see V5.sql) and
     * returns the first. Once the transaction commits, no other transaction, in this process or another sharing
     * the database, gets any of them.
     */
    long reserveIds(String name, int count);

    /** Players, the toys they own, and the toys' XP history (V7.sql). */
    PlayerRecords players();

    /** Stream locks and parked frames of bridges sharing a PostgreSQL database (V8.sql). */
    SharedStreams sharedStreams();

    /** Bridges' leases, and what one leaves that another finishes: its outbox, its tag writes (V9.sql). */
    TakeoverRecords takeover();
}
