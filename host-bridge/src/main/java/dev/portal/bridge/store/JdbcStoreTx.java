package dev.portal.bridge.store;

import dev.portal.bridge.state.TagImage;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.toy.AreaBytes;
import java.util.HexFormat;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.protocol.toy.Colours;
import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.state.PlayHistory;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.state.ToyProfile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The SQL behind StoreTx. Upserts use INSERT ... ON CONFLICT ... DO UPDATE (SQLite 3.24+ and PostgreSQL 9.5+). */
final class JdbcStoreTx implements StoreTx {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> TREES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() { };

    private final Rows rows;
    /**
     * The portals read or written in this transaction: every frame of a batch looks its portal up, and parsing
     * the portal's JSON columns for each one would cost more than the rest of the frame's SQL.
     */
    private final Map<String, Optional<PortalState>> portals = new HashMap<>();

    private final JdbcPlayerRecords players;
    private final JdbcTakeoverRecords takeover;

    /**
     * How a toy is read for a change: on PostgreSQL, bridges sharing the database may change one toy at once (a
     * game server's update through one, its portal's frames through another), so the row is locked until commit
     * and the second change starts from the first one's result instead of overwriting it.
     */
    private final String toyForChange;

    JdbcStoreTx(Connection connection, Map<String, PreparedStatement> statements, boolean rowLocks) {
        this.rows = new Rows(connection, statements);
        this.toyForChange = "SELECT * FROM toy WHERE uid = ?" + (rowLocks ? " FOR UPDATE" : "");
        this.players = new JdbcPlayerRecords(rows);
        this.takeover = new JdbcTakeoverRecords(rows);
    }

    @Override
    public TakeoverRecords takeover() {
        return takeover;
    }

    @Override
    public PlayerRecords players() {
        return players;
    }

    @Override
    public SharedStreams sharedStreams() {
        return new JdbcSharedStreams(rows);
    }

    @Override
    public void recordXp(ToyProfile toy, long atMillis) {
        players.recordXp(toy, atMillis);
    }

    @Override
    public Optional<StreamPosition> stream(String deviceId, long bootId) {
        return rows.one("SELECT device_id, boot_id, last_seq FROM boot_stream WHERE device_id = ? AND boot_id = ?",
                JdbcStoreTx::stream, deviceId, bootId);
    }

    @Override
    public List<StreamPosition> streams() {
        return rows.list("SELECT device_id, boot_id, last_seq FROM boot_stream ORDER BY device_id, born_ms",
                JdbcStoreTx::stream);
    }

    private static StreamPosition stream(ResultSet row) throws SQLException {
        return new StreamPosition(row.getString("device_id"), row.getLong("boot_id"), row.getLong("last_seq"));
    }

    @Override
    public void saveStream(StreamPosition position, long bornMillis) {
        rows.update("INSERT INTO boot_stream (device_id, boot_id, last_seq, born_ms) VALUES (?, ?, ?, ?) "
                        // never backwards: bridges sharing a database may commit positions of one boot out of order
                        + "ON CONFLICT (device_id, boot_id) DO UPDATE SET last_seq = CASE "
                        + "WHEN excluded.last_seq > boot_stream.last_seq THEN excluded.last_seq ELSE boot_stream.last_seq END",
                position.deviceId(), position.bootId(), position.lastSeq(), bornMillis);
    }

    @Override
    public void keepNewestBoots(String deviceId, long current, int keep) {
        rows.update("DELETE FROM boot_stream WHERE device_id = ? AND boot_id <> ? AND boot_id NOT IN ("
                        + "SELECT boot_id FROM boot_stream WHERE device_id = ? AND boot_id <> ? "
                        + "ORDER BY born_ms DESC, boot_id DESC LIMIT ?)",
                deviceId, current, deviceId, current, Math.max(0, keep - 1));
    }

    @Override
    public Optional<Long> bootBornMillis(String deviceId, long bootId) {
        return rows.one("SELECT born_ms FROM boot_stream WHERE device_id = ? AND boot_id = ?",
                row -> row.getLong("born_ms"), deviceId, bootId);
    }

    @Override
    public Optional<PortalState> portal(String deviceId) {
        Optional<PortalState> known = portals.get(deviceId);
        if (known == null) {
            known = rows.one("SELECT * FROM portal WHERE device_id = ?", JdbcStoreTx::portal, deviceId);
            portals.put(deviceId, known);
        }
        return known;
    }

    @Override
    public List<PortalState> portals() {
        return rows.list("SELECT * FROM portal ORDER BY device_id", JdbcStoreTx::portal);
    }

    private static PortalState portal(ResultSet row) throws SQLException {
        return new PortalState(row.getString("device_id"), row.getBoolean("online"),
                Rows.nullableLong(row, "boot_id"), row.getString("firmware"),
                read(row.getString("capabilities"), STRINGS), read(row.getString("pads"), TREES),
                read(row.getString("calibration"), TREE), Rows.nullableLong(row, "config_version"),
                read(row.getString("health"), TREE), row.getLong("last_seen_ms"));
    }

    @Override
    public void savePortal(PortalState p) {
        rows.update("INSERT INTO portal (device_id, online, boot_id, firmware, capabilities, pads, calibration, "
                        + "config_version, health, last_seen_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (device_id) DO UPDATE SET online = excluded.online, boot_id = excluded.boot_id, "
                        + "firmware = excluded.firmware, capabilities = excluded.capabilities, pads = excluded.pads, "
                        + "calibration = excluded.calibration, config_version = excluded.config_version, "
                        + "health = excluded.health, last_seen_ms = excluded.last_seen_ms",
                p.deviceId(), p.online(), p.bootId(), p.firmware(), write(p.capabilities()), write(p.pads()),
                write(p.calibration()), p.configVersion(), write(p.health()), p.lastSeenMillis());
        portals.put(p.deviceId(), Optional.of(p));
    }

    @Override
    public Optional<ToyProfile> toy(String uid) {
        return rows.one(toyForChange, JdbcStoreTx::toy, uid);
    }

    @Override
    public List<ToyProfile> toys() {
        return rows.list("SELECT * FROM toy ORDER BY uid", JdbcStoreTx::toy);
    }

    @Override
    public List<ToyProfile> toysActiveNear(Duration window) {
        return rows.list("SELECT * FROM toy WHERE last_seen_ms >= (SELECT MAX(last_seen_ms) FROM toy) - ? ORDER BY uid",
                JdbcStoreTx::toy, window.toMillis());
    }

    private static ToyProfile toy(ResultSet row) throws SQLException {
        String upgrades = row.getString("upgrades");
        TreeSet<Integer> set = upgrades.isEmpty() ? new TreeSet<>()
                : Arrays.stream(upgrades.split(",")).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
        return new ToyProfile(row.getString("uid"), row.getInt("toy_type"), row.getInt("variant"),
                row.getString("name"), new Colours(row.getInt("colour_primary"), row.getInt("colour_second"),
                row.getInt("colour_accent")), set, row.getLong("xp"), row.getInt("level"),
                row.getString("last_verdict"), row.getLong("first_seen_ms"), row.getLong("last_seen_ms"),
                row.getBoolean("write_pending"), row.getLong("revision"));
    }

    @Override
    public void saveToy(ToyProfile t) {
        String upgrades = t.upgrades().stream().map(String::valueOf).collect(Collectors.joining(","));
        rows.update("INSERT INTO toy (uid, toy_type, variant, name, colour_primary, colour_second, colour_accent, "
                        + "upgrades, xp, level, last_verdict, first_seen_ms, last_seen_ms, write_pending, revision) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET "
                        + "toy_type = excluded.toy_type, variant = excluded.variant, name = excluded.name, "
                        + "colour_primary = excluded.colour_primary, colour_second = excluded.colour_second, "
                        + "colour_accent = excluded.colour_accent, upgrades = excluded.upgrades, xp = excluded.xp, "
                        + "level = excluded.level, last_verdict = excluded.last_verdict, "
                        + "last_seen_ms = excluded.last_seen_ms, write_pending = excluded.write_pending, "
                        + "revision = excluded.revision",
                t.uid(), t.toyType(), t.variant(), t.name(), t.colours().primary(), t.colours().secondary(),
                t.colours().accent(), upgrades, t.xp(), t.level(), t.lastVerdict(), t.firstSeenMillis(),
                t.lastSeenMillis(), t.writePending(), t.revision());
    }

    @Override
    public Optional<TagImage> tagImage(String uid) {
        return rows.one("SELECT * FROM tag_image WHERE uid = ?", JdbcStoreTx::tagImage, uid);
    }

    private static TagImage tagImage(ResultSet row) throws SQLException {
        long counter = row.getLong("last_counter");
        OptionalLong last = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(counter);
        return new TagImage(row.getString("uid"), TagType.valueOf(row.getString("tag_type")),
                area(row.getString("area_a")), area(row.getString("area_b")), last, row.getLong("read_ms"));
    }

    private static Optional<AreaBytes> area(String hex) {
        return Optional.ofNullable(hex).map(h -> AreaBytes.of(HexFormat.of().parseHex(h)));
    }

    @Override
    public void saveTagImage(TagImage t) {
        rows.update("INSERT INTO tag_image (uid, tag_type, area_a, area_b, last_counter, read_ms) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET tag_type = excluded.tag_type, "
                        + "area_a = excluded.area_a, area_b = excluded.area_b, last_counter = excluded.last_counter, "
                        + "read_ms = excluded.read_ms",
                t.uid(), t.tagType().name(), t.areaA().map(AreaBytes::hex).orElse(null),
                t.areaB().map(AreaBytes::hex).orElse(null),
                t.lastCounter().isPresent() ? t.lastCounter().getAsLong() : null, t.readMillis());
    }

    @Override
    public Optional<Placement> placement(String deviceId, int pad, int slot) {
        return rows.one("SELECT * FROM placement WHERE device_id = ? AND pad = ? AND slot = ?",
                JdbcStoreTx::placement, deviceId, pad, slot);
    }

    @Override
    public Optional<Placement> placementOf(String uid) {
        return rows.one("SELECT * FROM placement WHERE uid = ? ORDER BY since_ms DESC", JdbcStoreTx::placement, uid);
    }

    @Override
    public List<Placement> placements(String deviceId) {
        return rows.list("SELECT * FROM placement WHERE device_id = ? ORDER BY pad, slot",
                JdbcStoreTx::placement, deviceId);
    }

    private static Placement placement(ResultSet row) throws SQLException {
        String sessionId = row.getString("session_id");
        Long boot = Rows.nullableLong(row, "boot_id");
        return new Placement(row.getString("device_id"), row.getInt("pad"), row.getInt("slot"),
                row.getString("uid"), row.getLong("since_ms"), sessionId,
                boot != null ? boot : Placement.bootOf(sessionId)); // rows from before V2
    }

    @Override
    public void savePlacement(Placement p) {
        rows.update("INSERT INTO placement (device_id, pad, slot, uid, since_ms, session_id, boot_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (device_id, pad, slot) DO UPDATE SET uid = excluded.uid, "
                        + "since_ms = excluded.since_ms, session_id = excluded.session_id, boot_id = excluded.boot_id",
                p.deviceId(), p.pad(), p.slot(), p.uid(), p.sinceMillis(), p.sessionId(), p.bootId());
    }

    @Override
    public void deletePlacement(String deviceId, int pad, int slot) {
        rows.update("DELETE FROM placement WHERE device_id = ? AND pad = ? AND slot = ?", deviceId, pad, slot);
    }

    @Override
    public void openSession(PlaySession s) {
        // The toy's owner as the session starts (V7), so forgetting the player can anonymise it.
        rows.update("INSERT INTO play_session (session_id, uid, device_id, pad, slot, started_ms, ended_ms, duration_ms, "
                        + "player) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, (SELECT owner FROM toy_claim WHERE uid = ?)) "
                        + "ON CONFLICT (session_id) DO NOTHING",
                s.sessionId(), s.uid(), s.deviceId(), s.pad(), s.slot(), s.startedMillis(), s.uid());
    }

    @Override
    public void closeSession(String sessionId, long endedMillis) {
        rows.update("UPDATE play_session SET ended_ms = ?, duration_ms = ? - started_ms "
                + "WHERE session_id = ? AND ended_ms IS NULL", endedMillis, endedMillis, sessionId);
    }

    @Override
    public void endSessionEarlier(String sessionId, long endedMillis) {
        rows.update("UPDATE play_session SET ended_ms = ?, duration_ms = ? - started_ms "
                + "WHERE session_id = ? AND ended_ms > ? AND started_ms <= ?", endedMillis, endedMillis, sessionId,
                endedMillis, endedMillis);
    }

    @Override
    public List<PlaySession> openSessions(String deviceId) {
        return rows.list("SELECT * FROM play_session WHERE device_id = ? AND ended_ms IS NULL ORDER BY started_ms, "
                + "session_id", JdbcStoreTx::session, deviceId);
    }

    @Override
    public List<PlaySession> sessions(String uid) {
        return rows.list("SELECT * FROM play_session WHERE uid = ? ORDER BY started_ms, session_id",
                JdbcStoreTx::session, uid);
    }

    @Override
    public PlayHistory playHistory(String uid, int recent) {
        record Totals(int sessions, long totalMillis) { }
        Totals totals = rows.one("SELECT COUNT(*) AS sessions, COALESCE(SUM(duration_ms), 0) AS total_ms "
                        + "FROM play_session WHERE uid = ?",
                row -> new Totals(row.getInt("sessions"), row.getLong("total_ms")), uid).orElseThrow();
        List<PlaySession> newestFirst = new ArrayList<>(rows.list("SELECT * FROM play_session WHERE uid = ? "
                + "ORDER BY started_ms DESC, session_id DESC LIMIT ?", JdbcStoreTx::session, uid, recent));
        Collections.reverse(newestFirst);
        return new PlayHistory(totals.sessions(), totals.totalMillis(), newestFirst);
    }

    static PlaySession session(ResultSet row) throws SQLException {
        return new PlaySession(row.getString("session_id"), row.getString("uid"), row.getString("device_id"),
                row.getInt("pad"), row.getInt("slot"), row.getLong("started_ms"),
                Rows.nullableLong(row, "ended_ms"), Rows.nullableLong(row, "duration_ms"));
    }

    @Override
    public void addToOutbox(String owner, OutboxEvent event) {
        rows.update("INSERT INTO event_outbox (owner, position, event_id, payload) VALUES (?, ?, ?, ?)",
                owner, event.position(), event.eventId(), event.json());
    }

    @Override
    public List<OutboxEvent> outbox(String owner) {
        return rows.list("SELECT position, event_id, payload FROM event_outbox WHERE owner = ? ORDER BY position",
                row -> new OutboxEvent(row.getLong("position"), row.getString("event_id"), row.getString("payload")),
                owner);
    }

    @Override
    public long nextOutboxPosition(String owner) {
        return rows.one("SELECT COALESCE(MAX(position) + 1, 0) AS next FROM event_outbox WHERE owner = ?",
                row -> row.getLong("next"), owner).orElse(0L);
    }

    @Override
    public Map<String, Long> outboxOwners() {
        record Waiting(String owner, long count) { }
        return rows.list("SELECT owner, COUNT(*) AS waiting FROM event_outbox GROUP BY owner",
                        row -> new Waiting(row.getString("owner"), row.getLong("waiting"))).stream()
                .collect(Collectors.toMap(Waiting::owner, Waiting::count, Long::sum, TreeMap::new));
    }

    @Override
    public void removeFromOutbox(String owner, long position) {
        rows.update("DELETE FROM event_outbox WHERE owner = ? AND position = ?", owner, position);
    }

    @Override
    public long reserveIds(String name, int count) {
        // The UPDATE locks the row (PostgreSQL) or the database (SQLite) until the commit, so a concurrent
        // reservation waits and then adds to the value this one wrote: the blocks never overlap.
        if (rows.update("UPDATE id_block SET next_id = next_id + ? WHERE name = ?", count, name) != 1) {
            throw new StoreException("no id counter called " + name + " (id_block, V5.sql)");
        }
        return rows.one("SELECT next_id FROM id_block WHERE name = ?", row -> row.getLong("next_id"), name)
                .orElseThrow() - count;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
