package dev.portal.bridge.store;

import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.ToyClaim;
import dev.portal.bridge.state.XpPoint;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Players' records (V7) the same way on every database: JdbcStoreContract's subclasses run these too. */
abstract class PlayerStoreContract {
    protected abstract JdbcStore open(String name);

    protected abstract Connection connect(String name) throws SQLException;

    private static final String DIGEST = "8651dedec5412458b7f0eeee370562ca713d58fd215be32d05ebf9ac86f6dd6e";

    @Test
    void aRegisteredToyIsClaimedReleasedAndKeepsItsDigest() {
        try (JdbcStore store = open("claims")) {
            store.inTransaction(tx -> {
                assertTrue(tx.players().registerDigest("04AA", DIGEST, 100));
                assertTrue(tx.players().registerDigest("04BB", DIGEST, 100));
                assertTrue(tx.players().registerDigest("04AA", "0".repeat(64), 200), "replaced while unclaimed");
                return null;
            });
            assertEquals(Optional.of(new ToyClaim("04AA", "0".repeat(64), Optional.empty(), OptionalLong.empty())),
                    store.inTransaction(tx -> tx.players().claim("04AA")));
            store.inTransaction(tx -> {
                assertTrue(tx.players().setOwner("04BB", "ann", 300));
                assertTrue(tx.players().setOwner("04AA", "ann", 400));
                assertFalse(tx.players().setOwner("04AA", "bob", 500), "owned already");
                assertFalse(tx.players().registerDigest("04AA", "1".repeat(64), 600), "a claimed toy keeps its code");
                return null;
            });
        }
        try (JdbcStore store = open("claims")) {
            assertEquals(List.of("04AA", "04BB"), store.inTransaction(tx -> tx.players().claimsOf("ann")).stream()
                    .map(ToyClaim::uid).toList());
            assertEquals(OptionalLong.of(300), store.inTransaction(tx -> tx.players().claim("04BB")).orElseThrow()
                    .claimedMillis());
            assertEquals(Optional.of("ann"), store.inTransaction(tx -> tx.players().claim("04AA")).orElseThrow().owner());
            assertEquals("0".repeat(64), store.inTransaction(tx -> tx.players().claim("04AA")).orElseThrow().digest());
            assertEquals(Integer.valueOf(2), store.inTransaction(tx -> tx.players().releaseAll("ann")));
            boolean free = store.inTransaction(tx -> tx.players().registerDigest("04AA", DIGEST, 700));
            assertTrue(free, "a released toy takes a new code");
            assertEquals(Integer.valueOf(0), store.inTransaction(tx -> tx.players().releaseAll("ann")));
            ToyClaim released = store.inTransaction(tx -> tx.players().claim("04BB")).orElseThrow();
            assertEquals(new ToyClaim("04BB", DIGEST, Optional.empty(), OptionalLong.empty()), released);
            boolean owned = store.inTransaction(tx -> tx.players().setOwner("04CC", "ann", 1));
            assertFalse(owned, "no code registered: nothing to own");
        }
    }

    @Test
    void sessionsRecordTheOwnerAtTheirStartAndForgettingAnonymisesThem() {
        try (JdbcStore store = open("sessions")) {
            store.inTransaction(tx -> {
                tx.openSession(new PlaySession("s1", "04AA", "den", 0, 0, 1000, null, null)); // before the claim
                tx.players().registerDigest("04AA", DIGEST, 1500);
                tx.players().setOwner("04AA", "ann", 1600);
                tx.openSession(new PlaySession("s2", "04AA", "den", 0, 0, 2000, null, null));
                tx.closeSession("s2", 2500);
                tx.openSession(new PlaySession("s3", "04AA", "den", 0, 1, 3000, null, null));
                return null;
            });
            assertEquals(List.of("s3", "s2"), store.inTransaction(tx -> tx.players().sessionsOf("ann", "04AA", 10))
                    .stream().map(PlaySession::sessionId).toList());
            assertEquals(List.of("s3", "s2", "s1"), store.inTransaction(tx -> tx.players().newestSessions("04AA", 10))
                    .stream().map(PlaySession::sessionId).toList());
            assertEquals(List.of("s3"), store.inTransaction(tx -> tx.players().newestSessions("04AA", 1))
                    .stream().map(PlaySession::sessionId).toList());
            assertEquals(Integer.valueOf(2), store.inTransaction(tx -> tx.players().anonymise("ann")));
            assertEquals(List.of(), store.inTransaction(tx -> tx.players().sessionsOf("ann", "04AA", 10)));
            assertEquals(3, store.inTransaction(tx -> tx.players().newestSessions("04AA", 10)).size());
        }
    }

    @Test
    void theXpHistoryKeepsOnePointPerRevisionOldestFirst() {
        try (JdbcStore store = open("xp")) {
            store.inTransaction(tx -> {
                tx.recordXp(JdbcStoreContract.toy("04AA", 100), 1000);
                tx.recordXp(JdbcStoreContract.toy("04AA", 100), 1000); // a replayed change: same revision
                tx.recordXp(JdbcStoreContract.toy("04AA", 900).nextRevision(), 2000);
                tx.recordXp(JdbcStoreContract.toy("04AA", 950).nextRevision().nextRevision(), 3000);
                tx.recordXp(JdbcStoreContract.toy("04BB", 5), 1500);
                return null;
            });
            assertEquals(List.of(new XpPoint(1000, 100, 1), new XpPoint(2000, 900, 1), new XpPoint(3000, 950, 1)),
                    store.inTransaction(tx -> tx.players().xpHistory("04AA", 10)));
            assertEquals(List.of(new XpPoint(2000, 900, 1), new XpPoint(3000, 950, 1)),
                    store.inTransaction(tx -> tx.players().xpHistory("04AA", 2)), "the newest, oldest first");
            assertTrue(store.inTransaction(tx -> tx.players().xpHistory("04CC", 10)).isEmpty());
        }
    }

    /** A database from before V7 gets V7 on open, and each toy it holds starts its XP history at its current XP. */
    @Test
    void v7StartsTheXpHistoryOfTheToysAlreadyKnown() throws Exception {
        try (JdbcStore store = open("upgrade")) {
            store.inTransaction(tx -> {
                tx.saveToy(JdbcStoreContract.toy("04AA", 100)); // saving a toy records no XP point
                return null;
            });
        }
        try (Connection c = connect("upgrade"); Statement statement = c.createStatement()) {
            // back to V6, as a bridge of the previous release left it, with that toy
            for (String sql : List.of("DROP TABLE pending_write", "DROP TABLE bridge_lease", "DROP TABLE parked_frame",
                    "DROP TABLE xp_point", "DROP TABLE toy_claim", "DROP INDEX play_session_player",
                    "ALTER TABLE play_session DROP COLUMN player",
                    "DELETE FROM schema_version WHERE version >= 7")) {
                statement.execute(sql);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        try (JdbcStore store = open("upgrade")) {
            assertEquals(List.of(new XpPoint(2000, 100, 1)), store.inTransaction(tx -> tx.players().xpHistory("04AA", 10)),
                    "the toy's XP at its last sighting");
            assertTrue(store.inTransaction(tx -> tx.players().claim("04AA")).isEmpty());
        }
    }
}
