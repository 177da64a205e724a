package dev.portal.system.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bridge persisted: its event log (play sessions) and its state (placements), read from its store
 * (SQLite or PostgreSQL: the tables are the same), and how many frames wait parked for their predecessors
 * (bridges sharing the portals; always 0 for one bridge).
 */
public record BridgeRecords(List<Session> sessions, List<Placed> placements, long parkedFrames) {

    /** One placement of a toy from the bridge's history; {@code endedMillis} null while it lasts. */
    public record Session(String sessionId, String deviceId, String uid, int pad, long startedMillis, Long endedMillis) {
        /** The portal boot that announced the placement (session ids are device/boot/seq). */
        public String boot() {
            String[] parts = sessionId.split("/");
            return parts.length == 3 ? parts[1] : sessionId;
        }
    }

    public record Placed(String deviceId, String uid, int pad) {
    }

    static BridgeRecords read(BridgeStore store) throws SQLException {
        try (Connection c = store.open();
             Statement s = c.createStatement()) {
            s.setQueryTimeout(30);
            List<Session> sessions = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT session_id, device_id, uid, pad, started_ms, ended_ms "
                    + "FROM play_session ORDER BY started_ms, session_id")) {
                while (r.next()) {
                    long ended = r.getLong(6);
                    Long end = r.wasNull() ? null : ended;
                    sessions.add(new Session(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getLong(5),
                            end));
                }
            }
            List<Placed> placements = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT device_id, uid, pad FROM placement")) {
                while (r.next()) {
                    placements.add(new Placed(r.getString(1), r.getString(2), r.getInt(3)));
                }
            }
            long parked;
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM parked_frame")) {
                r.next();
                parked = r.getLong(1);
            }
            return new BridgeRecords(List.copyOf(sessions), List.copyOf(placements), parked);
        }
    }

    /**
     * Writes the records as judged into {@code dir} (sessions.csv, placements.csv): a PostgreSQL store is deleted
     * with its throwaway server, and whoever explains a verdict needs what the bridge had.
     */
    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder("session_id,device_id,uid,pad,started_ms,ended_ms\n");
        for (Session s : sessions) {
            text.append(String.join(",", s.sessionId(), s.deviceId(), s.uid(), String.valueOf(s.pad()),
                    String.valueOf(s.startedMillis()), s.endedMillis() == null ? "" : s.endedMillis().toString()))
                    .append('\n');
        }
        Files.writeString(dir.resolve("sessions.csv"), text);
        text = new StringBuilder("device_id,uid,pad\n");
        for (Placed p : placements) {
            text.append(p.deviceId()).append(',').append(p.uid()).append(',').append(p.pad()).append('\n');
        }
        Files.writeString(dir.resolve("placements.csv"), text);
    }
}
