package dev.portal.bridge.store;

import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.ToyClaim;
import dev.portal.bridge.state.XpPoint;

import java.util.List;
import java.util.Optional;

/** What the bridge keeps about players and the toys they own (V7.sql), inside one transaction. */
public interface PlayerRecords {
    Optional<ToyClaim> claim(String uid);

    /**
     * Sets the digest of the toy's web code unless someone owns the toy; false when someone does (checked by the
     * statement itself, so a claim another bridge commits meanwhile is never overwritten).
     */
    boolean registerDigest(String uid, String digest, long atMillis);

    /** Makes {@code player} the owner of a registered toy nobody owns; false when someone owns it already. */
    boolean setOwner(String uid, String player, long atMillis);

    /** The toys {@code player} owns, by uid. */
    List<ToyClaim> claimsOf(String player);

    /** Clears the owner of every toy {@code player} owns (their digests stay); returns how many. */
    int releaseAll(String player);

    /** Removes {@code player} from every play session recorded with them; returns how many. */
    int anonymise(String player);

    /** The newest {@code limit} points of the toy's XP history, oldest first. */
    List<XpPoint> xpHistory(String uid, int limit);

    /** The toy's newest {@code limit} play sessions, newest first. */
    List<PlaySession> newestSessions(String uid, int limit);

    /** The newest {@code limit} sessions of the toy recorded with {@code player} as its owner, newest first. */
    List<PlaySession> sessionsOf(String player, String uid, int limit);
}
