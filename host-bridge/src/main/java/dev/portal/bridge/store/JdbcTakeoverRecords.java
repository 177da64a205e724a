package dev.portal.bridge.store;

import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.state.PendingWrite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The SQL behind TakeoverRecords (V9.sql), on the transaction's connection. Plain statements SQLite and PostgreSQL
 * both run: every race between bridges (for a dead lease, for a pending write) is settled by the row count of a
 * DELETE (PostgreSQL locks the row, and a second DELETE waiting on it re-checks its WHERE once the first commits
 * and finds no row; SQLite lets one writer in at a time).
 */
final class JdbcTakeoverRecords implements TakeoverRecords {
    private final Rows rows;

    JdbcTakeoverRecords(Rows rows) {
        this.rows = rows;
    }

    @Override
    public boolean renewLease(String owner, long expiresMillis) {
        if (rows.update("UPDATE bridge_lease SET expires_ms = ? WHERE owner = ?", expiresMillis, owner) == 1) {
            return true;
        }
        // ON CONFLICT: two runs with the same client id (a restart racing the old process's last renewal)
        rows.update("INSERT INTO bridge_lease (owner, expires_ms) VALUES (?, ?) "
                + "ON CONFLICT (owner) DO UPDATE SET expires_ms = excluded.expires_ms", owner, expiresMillis);
        return false;
    }

    @Override
    public List<String> expiredLeases(String self, long nowMillis) {
        return rows.list("SELECT owner FROM bridge_lease WHERE expires_ms < ? AND owner <> ? ORDER BY owner",
                row -> row.getString("owner"), nowMillis, self);
    }

    @Override
    public List<OutboxEvent> takeOutbox(String dead, String heir, long firstPosition, long nowMillis) {
        if (rows.update("DELETE FROM bridge_lease WHERE owner = ? AND expires_ms < ?", dead, nowMillis) != 1) {
            return List.of();
        }
        long first = rows.one("SELECT COALESCE(MIN(position), 0) AS first FROM event_outbox WHERE owner = ?",
                row -> row.getLong("first"), dead).orElseThrow();
        // One statement keeps the order and the gaps; the new keys cannot collide: heir's own positions are
        // all below firstPosition, and dead's rows are under another owner.
        rows.update("UPDATE event_outbox SET owner = ?, position = position + ? WHERE owner = ?",
                heir, firstPosition - first, dead);
        return rows.list("SELECT position, event_id, payload FROM event_outbox WHERE owner = ? AND position >= ? "
                        + "ORDER BY position",
                row -> new OutboxEvent(row.getLong("position"), row.getString("event_id"), row.getString("payload")),
                heir, firstPosition);
    }

    @Override
    public void addWrite(PendingWrite w) {
        rows.update("INSERT INTO pending_write (correlation_id, device_id, uid, revision, reply_to, request_id, "
                        + "due_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", w.correlationId(), w.deviceId(), w.uid(), w.revision(),
                w.requester().map(PendingWrite.Requester::replyTo).orElse(null),
                w.requester().map(PendingWrite.Requester::requestId).orElse(null), w.dueMillis());
    }

    @Override
    public Optional<PendingWrite> pendingWrite(long correlationId) {
        return rows.one("SELECT * FROM pending_write WHERE correlation_id = ?", JdbcTakeoverRecords::write,
                correlationId);
    }

    @Override
    public boolean settleWrite(long correlationId) {
        return rows.update("DELETE FROM pending_write WHERE correlation_id = ?", correlationId) == 1;
    }

    @Override
    public List<PendingWrite> overdueWrites(long beforeMillis, int limit) {
        return rows.list("SELECT * FROM pending_write WHERE due_ms < ? ORDER BY due_ms, correlation_id LIMIT ?",
                JdbcTakeoverRecords::write, beforeMillis, limit);
    }

    private static PendingWrite write(ResultSet row) throws SQLException {
        String replyTo = row.getString("reply_to");
        Optional<PendingWrite.Requester> requester = replyTo == null ? Optional.empty()
                : Optional.of(new PendingWrite.Requester(replyTo, row.getString("request_id")));
        return new PendingWrite(row.getLong("correlation_id"), row.getString("device_id"), row.getString("uid"),
                row.getLong("revision"), requester, row.getLong("due_ms"));
    }
}
