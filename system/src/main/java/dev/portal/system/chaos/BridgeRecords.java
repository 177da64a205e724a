package dev.portal.system.chaos;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the bridge persisted: its event log (play sessions) and its state (placements), read from SQLite. */
public record BridgeRecords(List<Session> sessions, List<Placed> placements) {

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

    public static BridgeRecords read(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database + "?open_mode=1");
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
            return new BridgeRecords(List.copyOf(sessions), List.copyOf(placements));
        }
    }
}
