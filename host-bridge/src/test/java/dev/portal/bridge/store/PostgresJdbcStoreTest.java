package dev.portal.bridge.store;

import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.state.ToyProfile;
import dev.portal.testsupport.ThrowawayPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store contract on a real PostgreSQL server (the documented shared-server store), plus what only a
 * server database has: several bridges opening and writing the same database at once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresJdbcStoreTest extends JdbcStoreContract {
    private static ThrowawayPostgres postgres;
    private final Map<String, String> urls = new HashMap<>();

    @BeforeAll
    static void startServer() throws Exception {
        postgres = ThrowawayPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private String url(String name) {
        return urls.computeIfAbsent(name, n -> {
            try {
                return postgres.newDatabase();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    protected JdbcStore open(String name) {
        return JdbcStore.open(url(name), ThrowawayPostgres.USER, postgres.password(), Clock.systemUTC());
    }

    @Override
    protected Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(url(name), ThrowawayPostgres.USER, postgres.password());
    }

    @Test
    void bridgesStartingTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        url("together");
        List<JdbcStore> stores = new ArrayList<>();
        int bridges = 4;
        CyclicBarrier start = new CyclicBarrier(bridges);
        ExecutorService pool = Executors.newFixedThreadPool(bridges);
        try {
            List<Future<JdbcStore>> opened = new ArrayList<>();
            for (int i = 0; i < bridges; i++) {
                opened.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return open("together");
                }));
            }
            for (Future<JdbcStore> f : opened) {
                stores.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            stores.forEach(JdbcStore::close);
        }
        try (Connection c = connect("together");
             Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
            rows.next();
            assertEquals(9, rows.getInt(2), "migrated to the newest schema");
            assertEquals(rows.getInt(2), rows.getInt(1), "each migration recorded once");
        }
    }

    @Test
    void concurrentUpsertsOfTheSameKeyFromTwoStoresNeitherFailNorDuplicate() throws Exception {
        int rounds = 50;
        try (JdbcStore first = open("contended"); JdbcStore second = open("contended")) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (JdbcStore store : List.of(first, second)) {
                    writers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        for (int i = 1; i <= rounds; i++) {
                            long xp = i;
                            store.inTransaction(tx -> {
                                tx.saveToy(toy("04AA", xp));
                                tx.saveStream(new StreamPosition("portal-1", 7, xp), 1000);
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> w : writers) {
                    w.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            List<ToyProfile> toys = first.inTransaction(StoreTx::toys);
            assertEquals(1, toys.size());
            assertEquals(rounds, toys.getFirst().xp()); // both writers end on the same last value
            assertEquals(List.of(new StreamPosition("portal-1", 7, rounds)), second.inTransaction(StoreTx::streams));
        }
    }

    @Test
    void aWrongPasswordIsAClearErrorNamingTheDatabase() {
        String url = url("denied");
        StoreException e = assertThrows(StoreException.class,
                () -> JdbcStore.open(url, ThrowawayPostgres.USER, "not-the-password", Clock.systemUTC()));
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }
}
