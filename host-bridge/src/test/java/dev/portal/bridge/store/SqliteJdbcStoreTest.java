package dev.portal.bridge.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on SQLite, the bridge's default: one file per database name. */
class SqliteJdbcStoreTest extends JdbcStoreContract {
    @TempDir
    Path dir;

    @Override
    protected JdbcStore open(String name) {
        return JdbcStore.openSqlite(file(name), Clock.systemUTC());
    }

    @Override
    protected Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file(name));
    }

    private Path file(String name) {
        return dir.resolve("data/" + name + ".db"); // data/ does not exist yet: openSqlite creates it
    }

    @Test
    void theDatabaseIsAFileInAFolderCreatedOnOpen() {
        open("bridge").close();
        assertTrue(Files.isRegularFile(file("bridge")));
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearError() throws Exception {
        Path file = dir.resolve("junk.db");
        Files.write(file, "this is not a database, just some text that fills the header page".repeat(100).getBytes());
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.openSqlite(file, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("junk.db"), e.getMessage());
    }
}
