package dev.portal.system.chaos;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** Where the chaos run's bridge keeps its state: how the bridge is told so, and how the run reads it back. */
interface BridgeStore extends AutoCloseable {

    /** Arguments for {@code BridgeMain} beyond {@code --data-dir}; none for the SQLite file in that folder. */
    List<String> bridgeArgs();

    /** A connection for reading the bridge's tables ({@link BridgeRecords}); the caller closes it. */
    Connection open() throws SQLException;

    /** Takes the database server away for {@code down} (as an operator's restart does) and brings it back. */
    void restart(Duration down) throws IOException, InterruptedException;

    /** {@code sqlite} or {@code postgresql}, for the run's header. */
    String label();

    @Override
    void close();
}
