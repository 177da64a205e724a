package dev.portal.studio.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The studio's own small database (accounts, web sessions, the gallery): one SQLite file. Players' toys, play
 * and ownership are the bridge's and reached only through its game API. One connection, used under this
 * object's lock: the studio's writes are few and short. synchronous=FULL, so an account or a design is on disk
 * before the page hears "saved".
 */
public final class StudioDb implements AutoCloseable {
    /** A unit of work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS account (
          id            TEXT    PRIMARY KEY,
          name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
          password_hash TEXT    NOT NULL,
          created_ms    INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS web_session (
          token_hash    TEXT    PRIMARY KEY,
          account_id    TEXT    NOT NULL REFERENCES account(id) ON DELETE CASCADE,
          csrf          TEXT    NOT NULL,
          created_ms    INTEGER NOT NULL,
          expires_ms    INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS design (
          id            INTEGER PRIMARY KEY AUTOINCREMENT,
          account_id    TEXT    NOT NULL REFERENCES account(id) ON DELETE CASCADE,
          title         TEXT    NOT NULL,
          toy_type      INTEGER NOT NULL,
          primary_rgb   TEXT    NOT NULL,
          secondary_rgb TEXT    NOT NULL,
          accent_rgb    TEXT    NOT NULL,
          created_ms    INTEGER NOT NULL)""",
    };

    private final Connection connection;

    private StudioDb(Connection connection) {
        this.connection = connection;
    }

    public static StudioDb open(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("PRAGMA busy_timeout=5000");
            for (String table : SCHEMA) {
                statement.execute(table);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.setAutoCommit(false);
        return new StudioDb(connection);
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    public synchronized <T> T tx(Work<T> work) throws SQLException {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
