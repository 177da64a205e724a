package dev.portal.bench.fleet;

import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.testing.SimTag;
import dev.portal.testsupport.ThrowawayPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The bridges' PostgreSQL server: a throwaway cluster of its own ({@link ThrowawayPostgres}, as scripts/test and
 * the chaos run start one), with a fresh database for each case of the benchmark. Its CPU time is that of the
 * server's whole process tree.
 */
final class FleetDatabase implements AutoCloseable {
    private final ThrowawayPostgres server;
    private final Path dir;
    private int stores;

    private FleetDatabase(ThrowawayPostgres server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    static FleetDatabase start(Path dir) throws IOException, InterruptedException, SQLException {
        return new FleetDatabase(ThrowawayPostgres.start(), dir);
    }

    /**
     * An empty database, and the files a deployed bridge reads its secrets from: the database password and the
     * toy key the simulated toys were made with (the bridges judge them and send each portal its verdict).
     */
    Store newStore() throws SQLException, IOException {
        String url = server.newDatabase();
        Path secrets = Files.createDirectories(dir.resolve("store-" + ++stores));
        return new Store(url, server.password(), secret(secrets.resolve("store.password"), server.password()),
                secret(secrets.resolve("toy.key"), SimTag.KEY_HEX));
    }

    private static Path secret(Path file, String text) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text + "\n");
        return file;
    }

    /** CPU time of the server and every backend, those that ended included. */
    Duration cpu() throws IOException {
        return ProcessCpu.ofTree(server.serverPid());
    }

    @Override
    public void close() {
        server.close();
    }

    /** One database of the server, as a bridge is given it. */
    record Store(String url, String password, Path passwordFile, Path toyKeyFile) {
        List<String> bridgeArgs() {
            return List.of("--store", url, "--store-user", ThrowawayPostgres.USER,
                    "--store-password-file", passwordFile.toString(), "--toy-key-file", toyKeyFile.toString());
        }

        BridgeConfig.StoreUrl storeUrl() {
            return new BridgeConfig.StoreUrl(url, Optional.of(ThrowawayPostgres.USER), Optional.of(password));
        }
    }
}
