package dev.portal.system.chaos;

import dev.portal.testsupport.ThrowawayPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The bridge's state on a PostgreSQL server of the run's own ({@link ThrowawayPostgres}), which the fault plan
 * restarts. The bridge connects as an ordinary user with its password in a file, as a deployed bridge would (it
 * refuses a password on its command line). The server's log is copied into the run's folder on close.
 */
final class PostgresBridgeStore implements BridgeStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBridgeStore.class);

    private final ThrowawayPostgres server;
    private final String url;
    private final Path passwordFile;
    private final Path logCopy;

    private PostgresBridgeStore(ThrowawayPostgres server, String url, Path passwordFile, Path logCopy) {
        this.server = server;
        this.url = url;
        this.passwordFile = passwordFile;
        this.logCopy = logCopy;
    }

    /** Starts a server and creates the bridge's empty database; {@code dir} gets the password file and the log. */
    static PostgresBridgeStore start(Path dir) throws IOException, InterruptedException, SQLException {
        Files.createDirectories(dir);
        ThrowawayPostgres server = ThrowawayPostgres.start();
        try {
            String url = server.newDatabase();
            Path passwordFile = dir.resolve("store.password");
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, server.password() + "\n");
            return new PostgresBridgeStore(server, url, passwordFile, dir.resolve("postgresql.log"));
        } catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public List<String> bridgeArgs() {
        return List.of("--store", url, "--store-user", ThrowawayPostgres.USER,
                "--store-password-file", passwordFile.toString());
    }

    @Override
    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, ThrowawayPostgres.USER, server.password());
    }

    /** pg_ctl stop -m fast (sessions are ended, as an operator's restart does), down for a while, start. */
    @Override
    public void restart(Duration down) throws IOException, InterruptedException {
        server.stop();
        LOG.info("database stopped; down for {} ms", down.toMillis());
        Thread.sleep(down.toMillis()); // the outage itself: the bridge must wait it out
        server.startAgain();
        LOG.info("database started again");
    }

    @Override
    public String label() {
        return ChaosOptions.Store.POSTGRESQL.label();
    }

    @Override
    public void close() {
        try {
            if (Files.exists(server.serverLog())) {
                Files.copy(server.serverLog(), logCopy, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("could not keep the PostgreSQL log: {}", e.toString());
        } finally {
            server.close();
        }
    }
}
