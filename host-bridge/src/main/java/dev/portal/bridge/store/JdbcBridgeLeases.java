package dev.portal.bridge.store;

import dev.portal.bridge.state.OutboxEvent;

import java.util.List;

/**
 * The SQL behind BridgeLeases (V9.sql), on the transaction's connection. Plain statements SQLite and PostgreSQL
 * both run: the race between bridges is settled by the row count of a conditional DELETE (PostgreSQL locks the
 * lease row, and a second DELETE waiting on it re-checks its WHERE once the first commits and finds no row;
 * SQLite lets one writer in at a time).
 */
final class JdbcBridgeLeases implements BridgeLeases {
    private final Rows rows;

    JdbcBridgeLeases(Rows rows) {
        this.rows = rows;
    }

    @Override
    public boolean renew(String owner, long expiresMillis) {
        if (rows.update("UPDATE bridge_lease SET expires_ms = ? WHERE owner = ?", expiresMillis, owner) == 1) {
            return true;
        }
        // ON CONFLICT: two runs with the same client id (a restart racing the old process's last renewal)
        rows.update("INSERT INTO bridge_lease (owner, expires_ms) VALUES (?, ?) "
                + "ON CONFLICT (owner) DO UPDATE SET expires_ms = excluded.expires_ms", owner, expiresMillis);
        return false;
    }

    @Override
    public List<String> expired(String self, long nowMillis) {
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
}
