package dev.portal.bridge.store;

import dev.portal.bridge.state.Placement;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema's migrations, on every database behind JdbcStore: each runs once, and rows of an older schema read right. */
abstract class MigrationContract extends TakeoverStoreContract {
    @Test
    void aPlacementKeepsTheBootThatLastSawItAndOldRowsTakeItFromTheirSession() throws Exception {
        try (JdbcStore store = open("boots")) {
            store.inTransaction(tx -> {
                tx.savePlacement(new Placement("p", 0, 1, "0A", 10, "p/7/3").seenBy(9, 2));
                return null;
            });
        }
        try (Connection c = connect("boots"); Statement statement = c.createStatement()) {
            // as V1 wrote them: no boot column
            statement.execute("INSERT INTO placement (device_id, pad, slot, uid, since_ms, session_id) "
                    + "VALUES ('p', 1, 0, '0B', 20, 'p/4294967295/12')");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        try (JdbcStore store = open("boots")) {
            List<Placement> placements = store.inTransaction(tx -> tx.placements("p"));
            assertEquals(new Placement("p", 0, 2, "0A", 10, "p/7/3", 9), placements.get(0));
            assertEquals(4294967295L, placements.get(1).bootId());
        }
    }

    @Test
    void migrationsRunOnceAndRecordTheirVersion() throws Exception {
        open("migrate").close();
        open("migrate").close();
        try (Connection c = connect("migrate");
             Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, description FROM schema_version ORDER BY version")) {
            List<String> expected = List.of("V1: initial schema", "V2: the boot that last saw each placement",
                    "V3: the bridge republishes", "V4: the game/events outbox", "V5: numbers the bridge hands out",
                    "V6: what each toy's tag last held", "V7: players own toys", "V8: frames parked by bridges",
                    "V9: bridge leases");
            for (int version = 1; version <= expected.size(); version++) {
                assertTrue(rows.next(), "V" + version + " is recorded");
                assertEquals(version, rows.getInt(1));
                assertTrue(rows.getString(2).startsWith(expected.get(version - 1)), rows.getString(2));
            }
            assertFalse(rows.next(), "each migration is recorded once");
        }
    }
}
