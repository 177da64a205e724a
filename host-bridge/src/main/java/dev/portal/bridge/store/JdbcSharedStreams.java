package dev.portal.bridge.store;

import dev.portal.bridge.state.StreamPosition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;

/** The SQL behind SharedStreams (V8.sql), on the transaction's connection. PostgreSQL only: the lock. */
final class JdbcSharedStreams implements SharedStreams {
    /**
     * The first key of the two-key advisory locks taken here ("strm"). Two-key locks are a key space of their
     * own, apart from the one-key lock Migrations takes.
     */
    private static final int STREAM_LOCKS = 0x7374726d;

    private final Rows rows;

    JdbcSharedStreams(Rows rows) {
        this.rows = rows;
    }

    @Override
    public void lock(String deviceId) {
        // A transaction-level lock: no row is needed for a portal no Birth has made yet, and it ends with the
        // transaction however that ends (a bridge killed mid-transaction loses its connection and its locks).
        rows.list("SELECT pg_advisory_xact_lock(?, ?)", row -> 0, STREAM_LOCKS, SharedStreams.lockOrder(deviceId));
    }

    @Override
    public void hold(String deviceId) {
        rows.list("SELECT pg_advisory_lock(?, ?)", row -> 0, STREAM_LOCKS, SharedStreams.lockOrder(deviceId));
    }

    @Override
    public void releaseHeld() {
        rows.list("SELECT pg_advisory_unlock_all()", row -> 0);
    }

    @Override
    public List<StreamPosition> positions(String deviceId) {
        return rows.list("SELECT device_id, boot_id, last_seq FROM boot_stream WHERE device_id = ? "
                        + "ORDER BY born_ms, boot_id",
                row -> new StreamPosition(row.getString("device_id"), row.getLong("boot_id"), row.getLong("last_seq")),
                deviceId);
    }

    @Override
    public List<Parked> parked(String deviceId) {
        return rows.list("SELECT * FROM parked_frame WHERE device_id = ? ORDER BY boot_id, seq",
                JdbcSharedStreams::parked, deviceId);
    }

    private static Parked parked(ResultSet row) throws SQLException {
        return new Parked(row.getString("device_id"), row.getLong("boot_id"), row.getLong("seq"),
                Base64.getDecoder().decode(row.getString("frame")), row.getLong("received_ms"),
                row.getLong("parked_ms"));
    }

    @Override
    public void park(Parked frame) {
        rows.update("INSERT INTO parked_frame (device_id, boot_id, seq, frame, received_ms, parked_ms) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, boot_id, seq) DO NOTHING",
                frame.deviceId(), frame.bootId(), frame.seq(), Base64.getEncoder().encodeToString(frame.frame()),
                frame.receivedMillis(), frame.parkedMillis());
    }

    @Override
    public void unpark(String deviceId, long bootId, long seq) {
        rows.update("DELETE FROM parked_frame WHERE device_id = ? AND boot_id = ? AND seq = ?", deviceId, bootId, seq);
    }

    @Override
    public void restartWait(String deviceId, long nowMillis) {
        rows.update("UPDATE parked_frame SET parked_ms = ? WHERE device_id = ?", nowMillis, deviceId);
    }

    @Override
    public List<String> parkedSince(long cutoffMillis, int limit) {
        return rows.list("SELECT device_id FROM parked_frame WHERE parked_ms <= ? GROUP BY device_id "
                + "ORDER BY MIN(parked_ms) LIMIT ?", row -> row.getString("device_id"), cutoffMillis, limit);
    }

    @Override
    public long parkedOfUnknownPortals() {
        return rows.one("SELECT COUNT(*) AS n FROM parked_frame p WHERE NOT EXISTS "
                + "(SELECT 1 FROM boot_stream b WHERE b.device_id = p.device_id)", row -> row.getLong("n")).orElse(0L);
    }
}
