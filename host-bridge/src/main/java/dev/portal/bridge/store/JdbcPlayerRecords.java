package dev.portal.bridge.store;

import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.ToyClaim;
import dev.portal.bridge.state.ToyProfile;
import dev.portal.bridge.state.XpPoint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The SQL behind PlayerRecords and the XP history (V7.sql), on the transaction's connection. */
final class JdbcPlayerRecords implements PlayerRecords {
    private final Rows rows;

    JdbcPlayerRecords(Rows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<ToyClaim> claim(String uid) {
        return rows.one("SELECT * FROM toy_claim WHERE uid = ?", JdbcPlayerRecords::claim, uid);
    }

    private static ToyClaim claim(ResultSet row) throws SQLException {
        Long claimed = Rows.nullableLong(row, "claimed_ms");
        return new ToyClaim(row.getString("uid"), row.getString("digest"), Optional.ofNullable(row.getString("owner")),
                claimed == null ? OptionalLong.empty() : OptionalLong.of(claimed));
    }

    @Override
    public boolean registerDigest(String uid, String digest, long atMillis) {
        return rows.update("INSERT INTO toy_claim (uid, digest, owner, claimed_ms, registered_ms) "
                + "VALUES (?, ?, NULL, NULL, ?) ON CONFLICT (uid) DO UPDATE SET digest = excluded.digest, "
                + "registered_ms = excluded.registered_ms WHERE toy_claim.owner IS NULL", uid, digest, atMillis) == 1;
    }

    @Override
    public boolean setOwner(String uid, String player, long atMillis) {
        return rows.update("UPDATE toy_claim SET owner = ?, claimed_ms = ? WHERE uid = ? AND owner IS NULL",
                player, atMillis, uid) == 1;
    }

    @Override
    public List<ToyClaim> claimsOf(String player) {
        return rows.list("SELECT * FROM toy_claim WHERE owner = ? ORDER BY uid", JdbcPlayerRecords::claim, player);
    }

    @Override
    public int releaseAll(String player) {
        return rows.update("UPDATE toy_claim SET owner = NULL, claimed_ms = NULL WHERE owner = ?", player);
    }

    @Override
    public int anonymise(String player) {
        return rows.update("UPDATE play_session SET player = NULL WHERE player = ?", player);
    }

    /** Called by JdbcStoreTx.recordXp; a replayed change (same revision) adds nothing. */
    void recordXp(ToyProfile toy, long atMillis) {
        rows.update("INSERT INTO xp_point (uid, revision, at_ms, xp, level) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (uid, revision) DO NOTHING", toy.uid(), toy.revision(), atMillis, toy.xp(), toy.level());
    }

    @Override
    public List<XpPoint> xpHistory(String uid, int limit) {
        List<XpPoint> points = new ArrayList<>(rows.list("SELECT at_ms, xp, level FROM xp_point WHERE uid = ? "
                        + "ORDER BY at_ms DESC, revision DESC LIMIT ?",
                row -> new XpPoint(row.getLong("at_ms"), row.getLong("xp"), row.getInt("level")), uid, limit));
        Collections.reverse(points);
        return points;
    }

    @Override
    public List<PlaySession> newestSessions(String uid, int limit) {
        return rows.list("SELECT * FROM play_session WHERE uid = ? ORDER BY started_ms DESC, session_id DESC LIMIT ?",
                JdbcStoreTx::session, uid, limit);
    }

    @Override
    public List<PlaySession> sessionsOf(String player, String uid, int limit) {
        return rows.list("SELECT * FROM play_session WHERE player = ? AND uid = ? "
                + "ORDER BY started_ms DESC, session_id DESC LIMIT ?", JdbcStoreTx::session, player, uid, limit);
    }
}
