package dev.portal.bridge.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database to the newest schema: applies db/migration/V1.sql, V2.sql... (class path resources) that
 * are newer than the highest version in schema_version, each in its own transaction with its version row.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String LOCATION = "db/migration/V%d.sql";
    /** Any fixed number: PostgreSQL advisory locks are per database, and nothing else here takes one. */
    private static final long ADVISORY_LOCK_KEY = 0x706f7274616cL; // "portal"

    private Migrations() {
    }

    /** Returns the schema version after migrating. */
    public static int migrate(Connection connection, long nowMillis) throws SQLException {
        // Bridges sharing one PostgreSQL database may start together: without the lock both create the same tables.
        boolean serverLock = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        if (serverLock) {
            advisoryLock(connection, "pg_advisory_lock");
        }
        try {
            return migrateLocked(connection, nowMillis);
        } finally {
            if (serverLock) {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        }
    }

    private static void advisoryLock(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT " + function + "(" + ADVISORY_LOCK_KEY + ")");
        }
    }

    private static int migrateLocked(Connection connection, long nowMillis) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_ms BIGINT NOT NULL)");
        }
        int current = currentVersion(connection);
        int next = current + 1;
        String script;
        while ((script = load(next)) != null) {
            apply(connection, next, script, nowMillis);
            current = next++;
        }
        if (load(current + 1) == null && current == 0) {
            throw new StoreException("no migrations found on the class path at " + LOCATION.formatted(1));
        }
        return current;
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void apply(Connection connection, int version, String script, long nowMillis) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, description(script));
                insert.setLong(3, nowMillis);
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("applied schema migration {}", description(script));
        } catch (SQLException e) {
            connection.rollback();
            throw new StoreException("schema migration V" + version + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String load(int version) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(LOCATION.formatted(version))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration V" + version, e);
        }
    }

    /** The first comment line names the migration. */
    static String description(String script) {
        return script.lines().filter(line -> line.startsWith("--")).findFirst()
                .map(line -> line.substring(2).trim()).map(d -> d.length() > 200 ? d.substring(0, 200) : d)
                .orElse("");
    }

    /** Splits on semicolons that end a line; strips comment lines. The scripts hold no procedural code. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
