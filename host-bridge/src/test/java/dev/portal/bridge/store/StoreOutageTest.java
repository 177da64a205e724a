package dev.portal.bridge.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.portal.testsupport.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that is away for a while (PostgreSQL restarted, an SQLite file locked by another program) costs
 * time, never frames: the bridge pauses, leaves what it could not store unacknowledged, and goes on when the
 * database is back. Only a frame the database refuses while it is healthy is dead-lettered.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StoreOutageTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    /** Long enough for the bridge's longest back-off (5 s) after the database returns, with room for a slow host. */
    private static final Duration AFTER_OUTAGE = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough for several retries to fail (0.1, 0.2, 0.4, 0.8 s... of back-off). */
    private static final Duration OUTAGE = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    /** Takes the database away and brings it back. */
    private interface Outage {
        void begin() throws Exception;

        void end() throws Exception;
    }

    private static BridgeConfig config(String brokerUri, Path dataDir) {
        return BridgeConfig.defaults(BrokerSettings.plain(brokerUri, "outage-" + System.nanoTime()), dataDir)
                .withTimings(Duration.ofMillis(200), Duration.ofSeconds(3));
    }

    private static String uid(int n) {
        return "04AA00000000" + String.format("%02X", n);
    }

    @Test
    void postgresqlStoppedWhileAPortalPlaysLosesNoFrameAndDeadLettersNone(Mosquitto broker) throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            BridgeConfig config = config(broker.uri(), dir).withStore(new BridgeConfig.StoreUrl(postgres.newDatabase(),
                    Optional.of(ThrowawayPostgres.USER), Optional.of(postgres.password())));
            playThroughAnOutage(config, broker, new Outage() {
                @Override
                public void begin() throws Exception {
                    postgres.stop();
                }

                @Override
                public void end() throws Exception {
                    postgres.startAgain();
                }
            });
        }
    }

    @Test
    void aPostgresqlConnectionTerminatedUnderTheBridgeIsOpenedAgainAndLosesNoFrame(Mosquitto broker) throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            String url = postgres.newDatabase();
            BridgeConfig config = config(broker.uri(), dir).withStore(new BridgeConfig.StoreUrl(url,
                    Optional.of(ThrowawayPostgres.USER), Optional.of(postgres.password())));
            playThroughAnOutage(config, broker, new Outage() {
                @Override
                public void begin() throws Exception {
                    // What an operator's pg_terminate_backend, a failover or an idle-connection killer does.
                    try (Connection admin = DriverManager.getConnection(url, ThrowawayPostgres.USER, postgres.password());
                         Statement s = admin.createStatement()) {
                        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                + "WHERE usename = '" + ThrowawayPostgres.USER + "' AND pid <> pg_backend_pid()");
                    }
                }

                @Override
                public void end() {
                    // nothing to undo: the server never went away, only the bridge's connection did
                }
            });
        }
    }

    @Test
    void anSqliteFileLockedByAnotherProgramLosesNoFrame(Mosquitto broker) throws Exception {
        // Another program (an operator's sqlite3, a backup tool) holds the write lock. The bridge's transactions
        // read before they write, and in WAL mode such a transaction gets SQLITE_BUSY at once, without waiting
        // for the busy timeout, until the lock is let go.
        Connection[] other = new Connection[1];
        try {
            playThroughAnOutage(config(broker.uri(), dir), broker, new Outage() {
                @Override
                public void begin() throws Exception {
                    other[0] = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bridge.db"));
                    try (Statement s = other[0].createStatement()) {
                        s.execute("BEGIN EXCLUSIVE");
                    }
                }

                @Override
                public void end() throws Exception {
                    try (Statement s = other[0].createStatement()) {
                        s.execute("COMMIT");
                    }
                }
            });
        } finally {
            if (other[0] != null) {
                other[0].close();
            }
        }
    }

    /**
     * A portal places a toy; the database goes away; it places three more and lifts the first; the database
     * comes back; it places a fifth. Every event reaches the game, every frame is applied once, nothing is
     * dead-lettered, and the bridge's status said the store was away and then back.
     */
    private static void playThroughAnOutage(BridgeConfig config, Mosquitto broker, Outage outage) throws Exception {
        try (Bridge bridge = Bridge.start(config);
             Collector game = new Collector(broker.uri(), "game/events", "game/deadletter", "game/bridge/status");
             FramePortal portal = new FramePortal(broker.uri(), "outage-portal", 4, Clock.systemUTC())) {
            portal.start();
            portal.place(0, 0, SimTag.blank(uid(0)));
            game.await(r -> isEvent(r, "placed", uid(0)), WAIT);

            outage.begin();
            for (int pad = 1; pad <= 3; pad++) {
                portal.place(pad, 0, SimTag.blank(uid(pad)));
            }
            portal.lift(0, 0);
            // The bridge has tried to store them: it either says the store is away or (the fault) gives them up.
            Collector.Received paused = game.await(r -> r.topic().equals("game/deadletter")
                    || storeAvailable(r).equals(Optional.of(false)), Duration.ofSeconds(30));
            Thread.sleep(OUTAGE.toMillis()); // on purpose: the outage lasts a while, as a real one does
            outage.end();
            portal.place(0, 1, SimTag.blank(uid(4)));

            for (int n = 1; n <= 4; n++) {
                String toy = uid(n);
                game.await(r -> isEvent(r, "placed", toy), AFTER_OUTAGE);
            }
            game.await(r -> isEvent(r, "removed", uid(0)), AFTER_OUTAGE);
            bridge.awaitIdle();

            List<String> deadLetters = game.all().stream().filter(r -> r.topic().equals("game/deadletter"))
                    .map(Collector.Received::text).toList();
            assertEquals(List.of(), deadLetters, "nothing is dead-lettered for a database that was away");
            assertEquals(0, bridge.counters().totalDeadLetters());
            // 12 frames of play, plus the portal's answers to the bridge's verdicts (ShowVerdict), as they come
            // (those answers may still be on their way: wait until what came is applied)
            Await.until(() -> "each frame applied once: " + bridge.counters().toJson(),
                    () -> bridge.counters().get(Counter.FRAMES_APPLIED) == bridge.counters().get(Counter.FRAMES_RECEIVED),
                    WAIT);
            assertTrue(bridge.counters().get(Counter.FRAMES_APPLIED) >= 12, bridge.counters().toJson().toString());
            for (int n = 0; n <= 4; n++) {
                String toy = uid(n);
                List<PlaySession> sessions = bridge.store().inTransaction(tx -> tx.sessions(toy));
                assertEquals(1, sessions.size(), toy + ": " + sessions);
            }
            assertNotNull(bridge.store().inTransaction(tx -> tx.sessions(uid(0))).getFirst().endedMillis(),
                    "the lift while the database was away ended the first toy's session");

            assertEquals("game/bridge/status", paused.topic(), "the bridge says the store is away: " + paused.text());
            game.await(r -> storeAvailable(r).equals(Optional.of(true))
                    && r.json().at("/counters/storePauses").asInt() == 1, WAIT);
        }
    }

    @Test
    void aBridgeStoppedWhileItsDatabaseIsAwayLeavesWhatItCouldNotStoreToItsNextRun(Mosquitto broker) throws Exception {
        // A persistent session: the broker keeps what the bridge did not acknowledge for its next run.
        BridgeConfig config = BridgeConfig.defaults(BrokerSettings.plain(broker.uri(), "outage-restart-"
                + System.nanoTime()).withCleanSession(false), dir).withTimings(Duration.ofMillis(200), Duration.ofSeconds(3));
        try (Collector game = new Collector(broker.uri(), "game/events", "game/deadletter", "game/bridge/status");
             FramePortal portal = new FramePortal(broker.uri(), "restart-portal", 3, Clock.systemUTC())) {
            Bridge bridge = Bridge.start(config);
            long stopping;
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bridge.db"));
                 Statement locker = other.createStatement()) {
                try {
                    portal.start();
                    portal.place(0, 0, SimTag.blank(uid(0)));
                    game.await(r -> isEvent(r, "placed", uid(0)), WAIT);
                    locker.execute("BEGIN EXCLUSIVE");
                    portal.place(1, 0, SimTag.blank(uid(1)));
                    portal.place(2, 0, SimTag.blank(uid(2)));
                    game.await(r -> storeAvailable(r).equals(Optional.of(false)), WAIT);
                } finally {
                    stopping = System.nanoTime();
                    bridge.close(); // while the file is still locked
                }
                locker.execute("COMMIT");
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - stopping).compareTo(Duration.ofSeconds(20)) < 0,
                    "a bridge does not wait for its database to stop");
            try (Bridge again = Bridge.start(config)) {
                game.await(r -> isEvent(r, "placed", uid(1)), WAIT);
                game.await(r -> isEvent(r, "placed", uid(2)), WAIT);
                again.awaitIdle();
                assertEquals(0, again.counters().totalDeadLetters(), again.counters().toJson().toString());
                for (int n = 0; n <= 2; n++) {
                    String toy = uid(n);
                    assertEquals(1, again.store().inTransaction(tx -> tx.sessions(toy)).size(), toy);
                }
            }
        }
    }

    @Test
    void aFrameTheDatabaseRefusesWhileHealthyIsDeadLetteredAndThePortalGoesOn(Mosquitto broker) throws Exception {
        String refused = uid(0xC0);
        JdbcStore.openSqlite(dir.resolve("bridge.db"), Clock.systemUTC()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bridge.db"));
             Statement s = c.createStatement()) {
            // Stands for any frame the database refuses every time (a constraint an operator added, say).
            s.execute("CREATE TRIGGER refuse_one_toy BEFORE INSERT ON placement WHEN NEW.uid = '" + refused
                    + "' BEGIN SELECT RAISE(ABORT, 'this toy may not be placed'); END");
        }
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/events", "game/deadletter", "game/bridge/status");
             FramePortal portal = new FramePortal(broker.uri(), "refusing-portal", 2, Clock.systemUTC())) {
            portal.start();
            portal.place(0, 0, SimTag.blank(refused));
            portal.place(1, 0, SimTag.blank(uid(1)));

            JsonNode deadLetter = game.await(r -> r.topic().equals("game/deadletter"), WAIT).json();
            assertEquals("apply-failed", deadLetter.get("reason").asText());
            assertTrue(deadLetter.get("detail").asText().contains("this toy may not be placed"), deadLetter.toString());
            game.await(r -> isEvent(r, "placed", uid(1)), WAIT);
            bridge.awaitIdle();
            assertTrue(bridge.store().inTransaction(tx -> tx.placementOf(refused)).isEmpty());
            assertTrue(game.all().stream().noneMatch(r -> storeAvailable(r).equals(Optional.of(false))),
                    "a healthy database is not reported away");
        }
    }

    private static boolean isEvent(Collector.Received r, String event, String uid) {
        if (!r.topic().equals("game/events")) {
            return false;
        }
        JsonNode json = r.json();
        return json.path("event").asText().equals(event) && json.path("uid").asText().equals(uid);
    }

    /** What a status document says about the store, if it is one that says. */
    private static Optional<Boolean> storeAvailable(Collector.Received r) {
        if (!r.topic().equals("game/bridge/status")) {
            return Optional.empty();
        }
        JsonNode flag = r.json().path("storeAvailable");
        return flag.isBoolean() ? Optional.of(flag.asBoolean()) : Optional.empty();
    }
}
