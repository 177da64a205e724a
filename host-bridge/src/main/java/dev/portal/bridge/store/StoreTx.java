package dev.portal.bridge.store;

import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.state.PlayHistory;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.state.ToyProfile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What can be read and written inside one transaction. */
public interface StoreTx {
    Optional<StreamPosition> stream(String deviceId, long bootId);

    List<StreamPosition> streams();

    void saveStream(StreamPosition position, long bornMillis);

    /** When the Birth of this boot was applied (its frame time), if it was. */
    Optional<Long> bootBornMillis(String deviceId, long bootId);

    Optional<PortalState> portal(String deviceId);

    List<PortalState> portals();

    void savePortal(PortalState portal);

    Optional<ToyProfile> toy(String uid);

    List<ToyProfile> toys();

    /** The toys last seen no earlier than {@code window} before the most recently seen one, by uid. */
    List<ToyProfile> toysActiveNear(Duration window);

    void saveToy(ToyProfile toy);

    Optional<Placement> placement(String deviceId, int pad, int slot);

    Optional<Placement> placementOf(String uid);

    List<Placement> placements(String deviceId);

    void savePlacement(Placement placement);

    void deletePlacement(String deviceId, int pad, int slot);

    void openSession(PlaySession session);

    void closeSession(String sessionId, long endedMillis);

    List<PlaySession> sessions(String uid);

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
}
