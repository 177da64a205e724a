package dev.portal.bridge.store;

import dev.portal.bridge.state.Colours;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.state.ToyProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcStoreTest {
    @TempDir
    Path dir;

    private static ToyProfile toy(String uid, long xp) {
        return new ToyProfile(uid, 7, 1, "Blaze", new Colours(0xFF0000, 0x00FF00, 0x0000FF),
                new TreeSet<>(Set.of(3, 1)), xp, 1, "RECOGNISED", 1000, 2000, false, 1);
    }

    @Test
    void everythingSurvivesARestartOfTheDatabaseFile() {
        Path file = dir.resolve("data/bridge.db");
        PortalState portal = new PortalState("portal-1", true, 42L, "1.2.3", List.of("LED"),
                List.of(Map.of("pad", 0, "slots", 3)), Map.of("gain", 4), 9L, Map.of("uptime", 12), 5000);
        try (JdbcStore store = JdbcStore.openSqlite(file, Clock.systemUTC())) {
            store.inTransaction(tx -> {
                tx.savePortal(portal);
                tx.saveStream(new StreamPosition("portal-1", 42, 17), 4000);
                tx.saveToy(toy("04AABBCC", 250));
                tx.savePlacement(new Placement("portal-1", 0, 1, "04AABBCC", 6000, "portal-1/42/3"));
                tx.openSession(new PlaySession("portal-1/42/3", "04AABBCC", "portal-1", 0, 1, 6000, null, null));
                return null;
            });
        }
        assertTrue(Files.exists(file));
        try (JdbcStore store = JdbcStore.openSqlite(file, Clock.systemUTC())) {
            store.inTransaction(tx -> {
                assertEquals(portal, tx.portal("portal-1").orElseThrow());
                assertEquals(17, tx.stream("portal-1", 42).orElseThrow().lastSeq());
                assertEquals(toy("04AABBCC", 250), tx.toy("04AABBCC").orElseThrow());
                assertEquals("04AABBCC", tx.placement("portal-1", 0, 1).orElseThrow().uid());
                tx.closeSession("portal-1/42/3", 9500);
                tx.closeSession("portal-1/42/3", 99999); // a replayed removal does not move the end
                return null;
            });
            PlaySession closed = store.inTransaction(tx -> tx.sessions("04AABBCC")).getFirst();
            assertEquals(9500L, closed.endedMillis());
            assertEquals(3500L, closed.durationMillis());
        }
    }

    @Test
    void upsertsReplaceAndAFailedTransactionLeavesNothingBehind() {
        try (JdbcStore store = JdbcStore.openSqlite(dir.resolve("b.db"), Clock.systemUTC())) {
            store.inTransaction(tx -> {
                tx.saveToy(toy("01", 10));
                tx.saveToy(toy("01", 900).withName("Ember"));
                return null;
            });
            assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
                tx.saveToy(toy("01", 5000));
                tx.saveToy(toy("02", 1));
                throw new IllegalStateException("boom");
            }));
            List<ToyProfile> toys = store.inTransaction(StoreTx::toys);
            assertEquals(1, toys.size());
            assertEquals(900, toys.getFirst().xp());
            assertEquals("Ember", toys.getFirst().name());
        }
    }

    @Test
    void migrationsRunOnceAndRecordTheirVersion() throws Exception {
        Path file = dir.resolve("m.db");
        JdbcStore.openSqlite(file, Clock.systemUTC()).close();
        JdbcStore.openSqlite(file, Clock.systemUTC()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rows = c.createStatement().executeQuery("SELECT version, description FROM schema_version")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1));
            assertTrue(rows.getString(2).startsWith("V1: initial schema"));
            assertTrue(!rows.next(), "each migration is recorded once");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearError() throws Exception {
        Path file = dir.resolve("junk.db");
        Files.write(file, "this is not a database, just some text that fills the header page".repeat(100).getBytes());
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.openSqlite(file, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("junk.db"), e.getMessage());
    }
}
