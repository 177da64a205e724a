package dev.portal.bridge.state;

import java.util.List;
import java.util.Optional;

/**
 * What the state rules read and write inside the caller's transaction. It lives here, next to the rules, so
 * that the rules do not depend on the store: the store implements it (store depends on state, never the
 * reverse).
 */
public interface StateTx {
    void saveStream(StreamPosition position, long bornMillis);

    /**
     * Forgets the stream positions of all but the newest {@code keep} boots of a device (by birth time); the
     * boot {@code current} is always kept, whenever it was born.
     */
    void keepNewestBoots(String deviceId, long current, int keep);

    /** When the Birth of this boot was applied (its frame time), if it was. */
    Optional<Long> bootBornMillis(String deviceId, long bootId);

    Optional<PortalState> portal(String deviceId);

    void savePortal(PortalState portal);

    Optional<ToyProfile> toy(String uid);

    void saveToy(ToyProfile toy);

    /** What the toy's tag held when last read, and the newest counter seen on it. */
    Optional<TagImage> tagImage(String uid);

    void saveTagImage(TagImage image);

    Optional<Placement> placement(String deviceId, int pad, int slot);

    Optional<Placement> placementOf(String uid);

    List<Placement> placements(String deviceId);

    void savePlacement(Placement placement);

    void deletePlacement(String deviceId, int pad, int slot);

    void openSession(PlaySession session);

    void closeSession(String sessionId, long endedMillis);

    /** The device's sessions not ended yet, also those with no placement (an older boot's, applied late). */
    List<PlaySession> openSessions(String deviceId);

    /** The toy's sessions, oldest first. */
    List<PlaySession> sessions(String uid);

    /**
     * Moves an ended session's end earlier, to {@code endedMillis}: a late removal shows when the toy was really
     * lifted, after a move or a restart had ended the session later.
     */
    void endSessionEarlier(String sessionId, long endedMillis);

    /** Adds a point to the toy's XP history: call it in the transaction that saves a changed XP. */
    void recordXp(ToyProfile toy, long atMillis);
}
