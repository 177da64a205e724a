package dev.portal.bridge.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a database that is unavailable (retry later, the work is fine) from work the database refuses (a
 * constraint, a value out of range: the same work fails again). Reads the SQLState PostgreSQL sets and the
 * result code SQLite sets (sqlite-jdbc leaves SQLState empty and puts the primary result code in the error code).
 */
final class SqlFailures {
    /** SQLite primary result codes of a database that cannot work now (sqlite.org/rescode.html). */
    private static final Set<Integer> SQLITE_UNAVAILABLE = Set.of(
            5,  // SQLITE_BUSY: another connection holds the lock past the busy timeout
            6,  // SQLITE_LOCKED
            7,  // SQLITE_NOMEM
            8,  // SQLITE_READONLY: the file or its folder became read-only (a remount, a permission change)
            10, // SQLITE_IOERR
            13, // SQLITE_FULL: the disk is full
            14, // SQLITE_CANTOPEN
            15  // SQLITE_PROTOCOL: a WAL locking race
    );
    /** PostgreSQL SQLStates of the server going away: admin_shutdown, crash_shutdown, cannot_connect_now. */
    private static final Set<String> SERVER_SHUTDOWN = Set.of("57P01", "57P02", "57P03");

    private SqlFailures() {
    }

    /** True when {@code failure}, or anything it was caused by, says the database is unavailable. */
    static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true; // JDBC's own classes: connection lost, timeout, rollback the driver says to retry
        }
        String state = e.getSQLState();
        if (state == null || state.isEmpty()) {
            return SQLITE_UNAVAILABLE.contains(e.getErrorCode() & 0xFF);
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources: disk full, out of memory, too many connections
                || state.startsWith("58") // system error: I/O error
                || state.startsWith("40") // serialization failure, deadlock: the same work succeeds when retried
                || SERVER_SHUTDOWN.contains(state);
    }
}
