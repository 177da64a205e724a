package dev.portal.bridge.store;

import dev.portal.bridge.state.StreamPosition;

import java.util.List;

/**
 * What bridges sharing one PostgreSQL database need to agree on each portal's stream (V8.sql): a lock per
 * portal held for the rest of the transaction, the portal's positions, and the frames parked until their
 * predecessors are committed. Only bridges in a share group use it, and only on PostgreSQL.
 */
public interface SharedStreams {
    /** A frame waiting for its predecessors, as it arrived. */
    record Parked(String deviceId, long bootId, long seq, byte[] frame, long receivedMillis, long parkedMillis) {
    }

    /**
     * Waits for, then holds until commit or rollback, the lock of {@code deviceId}'s stream: whoever holds it
     * is the only one applying, parking or releasing that portal's frames. Callers take several in
     * {@link #lockOrder} order so two bridges never wait for each other.
     */
    void lock(String deviceId);

    /**
     * Takes the same lock as {@link #lock} but holds it past the transaction, until {@link #releaseHeld}: a
     * bridge keeps a portal's stream to itself until what its frames changed is at the broker, so the next
     * bridge's events and documents of that portal reach game servers after these.
     */
    void hold(String deviceId);

    /** Lets go every lock {@link #hold} took on this connection (a closed connection lets go of them too). */
    void releaseHeld();

    /** The key {@link #lock} takes for a portal; lock several portals in ascending key order. */
    static int lockOrder(String deviceId) {
        // FNV-1a: the same number in every bridge process (String.hashCode would do too, but its value is an
        // implementation detail). Two portals sharing a key only share a lock.
        int hash = 0x811c9dc5;
        for (byte b : deviceId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x01000193;
        }
        return hash;
    }

    /** The portal's boots, oldest Birth first, with their last applied sequence. */
    List<StreamPosition> positions(String deviceId);

    /** The portal's parked frames in (boot, seq) order. */
    List<Parked> parked(String deviceId);

    /** Parks a frame; parking one already parked changes nothing. */
    void park(Parked frame);

    void unpark(String deviceId, long bootId, long seq);

    /** The portal's parked frames count as parked at {@code nowMillis}: their wait starts again. */
    void restartWait(String deviceId, long nowMillis);

    /** Portals with a frame parked at or before {@code cutoffMillis}, at most {@code limit}. */
    List<String> parkedSince(long cutoffMillis, int limit);

    /** How many frames are parked for portals with no boot known at all (ids no Birth has made real yet). */
    long parkedOfUnknownPortals();
}
