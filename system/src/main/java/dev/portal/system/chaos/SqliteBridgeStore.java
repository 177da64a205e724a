package dev.portal.system.chaos;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** The bridge's default store: the SQLite file {@code bridge.db} in its data folder. */
final class SqliteBridgeStore implements BridgeStore {
    private final Path file;

    SqliteBridgeStore(Path dataDir) {
        this.file = dataDir.resolve("bridge.db");
    }

    @Override
    public List<String> bridgeArgs() {
        return List.of();
    }

    /** Read-only (open_mode=1): the run only looks, and must never take the bridge's write lock. */
    @Override
    public Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1");
    }

    @Override
    public void restart(Duration down) {
        throw new UnsupportedOperationException("an SQLite file has no server to restart");
    }

    @Override
    public String label() {
        return ChaosOptions.Store.SQLITE.label();
    }

    @Override
    public void close() {
        // nothing runs: the file stays in the run's folder
    }
}
