package dev.portal.bridge.store;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which failures mean "the database is away, try the same work later" and which mean "the database refuses
 * this work": the first pause the bridge, the second dead-letter one frame. StoreOutageTest shows the bridge
 * on a real outage; this lists the codes an outage test cannot easily make (a full disk, a server out of memory).
 */
class SqlFailuresTest {
    @Test
    void postgresqlStatesOfAnUnavailableServerAreToldFromRefusedWork() {
        Map<String, Boolean> unavailable = Map.ofEntries(
                Map.entry("08006", true), // connection failure
                Map.entry("08001", true), // cannot connect
                Map.entry("08003", true), // "This connection has been closed."
                Map.entry("57P01", true), // terminating connection due to administrator command
                Map.entry("57P03", true), // the database system is starting up
                Map.entry("53100", true), // disk full
                Map.entry("53300", true), // too many connections
                Map.entry("58030", true), // I/O error
                Map.entry("40001", true), // serialization failure: the same work succeeds when retried
                Map.entry("23505", false), // unique violation
                Map.entry("23514", false), // check violation
                Map.entry("22001", false), // value too long
                Map.entry("42P01", false)); // no such table
        unavailable.forEach((state, expected) -> assertEquals(expected,
                SqlFailures.unavailable(new StoreException("wrapped", new SQLException("from the server", state))),
                state));
    }

    @Test
    void sqliteResultCodesOfALockedFullOrBrokenFileAreToldFromRefusedWork() {
        Map<SQLiteErrorCode, Boolean> unavailable = Map.of(
                SQLiteErrorCode.SQLITE_BUSY, true,
                SQLiteErrorCode.SQLITE_LOCKED, true,
                SQLiteErrorCode.SQLITE_FULL, true,
                SQLiteErrorCode.SQLITE_IOERR_WRITE, true,
                SQLiteErrorCode.SQLITE_CANTOPEN, true,
                SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL, false,
                SQLiteErrorCode.SQLITE_CONSTRAINT_TRIGGER, false,
                SQLiteErrorCode.SQLITE_ERROR, false);
        unavailable.forEach((code, expected) -> assertEquals(expected,
                SqlFailures.unavailable(new StoreException("wrapped", new SQLiteException("from SQLite", code))),
                code.name()));
    }

    @Test
    void aFailureWithNoDatabaseErrorBehindItIsTheWorksOwn() {
        assertEquals(false, SqlFailures.unavailable(new IllegalStateException("a bug in a rule")));
    }
}
