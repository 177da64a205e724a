package dev.portal.bridge.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Store on one JDBC connection: an SQLite file by default; the SQL is portable so a PostgreSQL URL works
 * too. One connection and a lock: the bridge applies events one at a time, in order, and SQLite has one writer.
 */
public final class JdbcStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Clock clock;

    private JdbcStore(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** Opens (creating if needed) the SQLite database file {@code file} and migrates it. */
    public static JdbcStore openSqlite(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder for " + file, e);
        }
        return open("jdbc:sqlite:" + file.toAbsolutePath(), null, null, clock);
    }

    /** Opens any JDBC URL (jdbc:sqlite:..., jdbc:postgresql:...) and migrates it. */
    public static JdbcStore open(String url, String user, String password, Clock clock) {
        try {
            Connection connection = DriverManager.getConnection(url, user, password);
            try {
                if (url.startsWith("jdbc:sqlite:")) {
                    tuneSqlite(connection);
                }
                int version = Migrations.migrate(connection, clock.millis());
                connection.setAutoCommit(false);
                LOG.info("store open: {} (schema V{})", url, version);
                return new JdbcStore(connection, clock);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + url + ": " + e.getMessage(), e);
        }
    }

    /** Connection settings, not schema: WAL lets readers (sqlite3, backups) look while the bridge writes. */
    private static void tuneSqlite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA busy_timeout=5000");
        }
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            try {
                T result = work.run(new JdbcStoreTx(connection, statements));
                connection.commit();
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } catch (Exception e) {
                rollbackQuietly(e);
                throw new StoreException("transaction failed: " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the store failed", e);
        } finally {
            lock.unlock();
        }
    }
}
