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
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Store on one JDBC connection: an SQLite file by default; the SQL is portable so a PostgreSQL URL works
 * too. One connection and a lock: the bridge applies events one at a time, in order, and SQLite has one writer.
 * <p>A transaction that fails because the database is unavailable (see {@link SqlFailures}), or after which the
 * connection no longer answers {@code SELECT 1}, throws {@link StoreUnavailableException}; a connection that
 * no longer answers is dropped and the next transaction opens a new one. Any other failure is the work's own:
 * the database is healthy and refused it. This class never waits; {@link PausingStore} waits for the
 * database to come back.
 */
public final class JdbcStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    /** How long the health check after a failure may take before the connection counts as dead. */
    private static final int HEALTH_CHECK_SECONDS = 5;

    private final Connector connector;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Clock clock;
    /** Null after a failure that left the connection unusable, until the next transaction reconnects. */
    private Connection connection;
    private boolean closed;

    /** How to (re)connect: the URL, the credentials, and the settings every new SQLite connection needs. */
    private record Connector(String url, String user, String password) {
        Connection connect() throws SQLException {
            boolean sqlite = url.startsWith("jdbc:sqlite:");
            Connection connection = sqlite ? DriverManager.getConnection(url, sqliteDriverSettings())
                    : DriverManager.getConnection(url, user, password);
            try {
                if (sqlite) {
                    tuneSqlite(connection);
                }
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        /** SQLite has one writer and no row locks (nor their syntax); PostgreSQL may be shared by bridges. */
        boolean postgresql() {
            return url.startsWith("jdbc:postgresql:");
        }

        @Override
        public String toString() {
            return url; // never the password
        }
    }

    private JdbcStore(Connector connector, Connection connection, Clock clock) {
        this.connector = connector;
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
        Connector connector = new Connector(url, user, password);
        try {
            Connection connection = connector.connect();
            try {
                int version = Migrations.migrate(connection, clock.millis());
                connection.setAutoCommit(false);
                LOG.info("store open: {} (schema V{})", url, version);
                return new JdbcStore(connector, connection, clock);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SQLite driver's own settings. By default it asks for the generated key after every INSERT (a
     * {@code SELECT last_insert_rowid()} compiled each time, a tenth of the bridge worker's time under load);
     * the store never reads generated keys.
     */
    private static Properties sqliteDriverSettings() {
        Properties settings = new Properties();
        settings.setProperty("jdbc.get_generated_keys", "false");
        return settings;
    }

    /**
     * Connection settings, not schema. WAL lets readers (sqlite3, backups) look while the bridge writes.
     * synchronous=FULL syncs the WAL at every commit: the bridge acknowledges a frame to the broker once its
     * transaction commits, and with NORMAL a power cut can undo the last commits, so a frame the broker was
     * told is handled would be gone (docs/adr-store.md).
     */
    private static void tuneSqlite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA busy_timeout=5000");
        }
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            Connection c = connected();
            try {
                T result = work.run(new JdbcStoreTx(c, statements, connector.postgresql()));
                c.commit();
                return result;
            } catch (Exception e) {
                rollbackQuietly(c, e);
                boolean answers = answers(c);
                if (!answers) {
                    disconnect(); // a locked or full database keeps its connection: it answers, it cannot write
                }
                if (!answers || SqlFailures.unavailable(e)) {
                    throw new StoreUnavailableException("the store " + connector + " is unavailable: "
                            + e.getMessage(), e);
                }
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new StoreException("transaction failed: " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The connection, opened again if a failure dropped it. */
    private Connection connected() {
        if (closed) {
            throw new StoreException("the store " + connector + " is closed");
        }
        if (connection == null) {
            try {
                Connection fresh = connector.connect();
                fresh.setAutoCommit(false);
                connection = fresh;
                LOG.info("store {} connected again", connector);
            } catch (SQLException e) {
                throw new StoreUnavailableException("cannot connect to the store " + connector + ": "
                        + e.getMessage(), e);
            }
        }
        return connection;
    }

    /** After a failure: does the connection still answer? One that does not is dead whatever the error said. */
    private static boolean answers(Connection c) {
        try (Statement statement = c.createStatement()) {
            statement.setQueryTimeout(HEALTH_CHECK_SECONDS);
            statement.execute("SELECT 1");
            c.rollback(); // ends the transaction the check opened: no snapshot or idle transaction is left behind
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Forgets the connection and its statements; closing may fail as the database is away. */
    private void disconnect() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                LOG.debug("closing a statement of a dropped connection: {}", e.toString());
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a dropped connection: {}", e.toString());
        }
        connection = null;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (connection != null) {
                disconnect();
            }
        } finally {
            lock.unlock();
        }
    }
}
