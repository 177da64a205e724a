package dev.portal.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for one test class: its own cluster in a temporary folder, listening on a free
 * loopback port (unix sockets stay in that folder), stopped and deleted on close. Tests connect as an
 * ordinary user that owns the databases {@link #newDatabase} creates, as a deployed bridge would.
 * PostgreSQL refuses to run as root, so under root (CI, containers) the cluster belongs to the postgres user.
 * The caller brings the JDBC driver (org.postgresql:postgresql) on its class path; this module adds no dependency.
 * Used by the host bridge's store tests and by the chaos run of the system module (which restarts it often).
 */
public final class ThrowawayPostgres implements AutoCloseable {
    public static final String USER = "portal";
    private static final String ADMIN = "admin";
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROCESS_GRACE = Duration.ofSeconds(15);

    private final Path bin;
    private final Path base;
    private final Path data;
    private final boolean asPostgresUser;
    private final String password = UUID.randomUUID().toString();
    private final String adminPassword = UUID.randomUUID().toString();
    private final AtomicInteger databases = new AtomicInteger();
    private final Thread shutdownHook = new Thread(this::stopAndDelete, "throwaway-postgres-stop");
    private int port;
    private boolean closed;

    private ThrowawayPostgres(Path bin, Path base, boolean asPostgresUser) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.asPostgresUser = asPostgresUser;
    }

    /** Initialises and starts a cluster; fails (never skips) when PostgreSQL is not installed. */
    public static ThrowawayPostgres start() throws IOException, InterruptedException, SQLException {
        Path bin = findBin().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (initdb, pg_ctl): "
                        + ("true".equals(System.getenv("CI"))
                        ? "the CI image must run `apt-get install postgresql`"
                        : "run scripts/test (it installs them) or `sudo apt-get install postgresql`")));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory("portal-pg-");
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, base, root);
        Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
        try {
            pg.initdb();
            pg.startServer();
            pg.createUser();
            return pg;
        } catch (IOException | InterruptedException | SQLException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /** The newest installed major version's bin folder, as Debian lays it out. */
    public static Optional<Path> findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingDouble(b -> Double.parseDouble(b.getParent().getFileName().toString())));
        }
    }

    private void initdb() throws IOException, InterruptedException {
        Path pwfile = base.resolve("admin.pw");
        Files.writeString(pwfile, adminPassword + "\n");
        Files.createDirectories(base.resolve("sock"));
        if (asPostgresUser) {
            UserPrincipal postgres = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            for (Path p : List.of(base, pwfile, base.resolve("sock"))) {
                Files.setOwner(p, postgres);
            }
        }
        // Trust only on the socket in our private folder; TCP needs the password, as a real deployment would.
        run(INITDB_TIMEOUT, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", ADMIN,
                "--pwfile=" + pwfile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-sync", "--no-instructions");
    }

    private void startServer() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken between probe and bind
            port = freePort();
            // Throwaway data: durability settings off, they only cost time.
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "",
                    "port = " + port,
                    "listen_addresses = '127.0.0.1'",
                    "unix_socket_directories = '" + base.resolve("sock") + "'",
                    "fsync = off", "synchronous_commit = off", "full_page_writes = off",
                    "max_connections = 40", ""), StandardOpenOption.APPEND);
            try {
                run(START_TIMEOUT.plus(PROCESS_GRACE), bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                        "-l", base.resolve("server.log").toString(), "-w", "-t",
                        String.valueOf(START_TIMEOUT.toSeconds()), "start");
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Stops the server as an operator would (clients are disconnected); {@link #startAgain} brings it back. */
    public void stop() throws IOException, InterruptedException {
        run(STOP_TIMEOUT.plus(PROCESS_GRACE), bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
                "-w", "-t", String.valueOf(STOP_TIMEOUT.toSeconds()), "stop");
    }

    /** Starts the server again after {@link #stop}, on the same port, with the same data. */
    public void startAgain() throws IOException, InterruptedException {
        run(START_TIMEOUT.plus(PROCESS_GRACE), bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", base.resolve("server.log").toString(), "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()),
                "start");
    }

    private void createUser() throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), ADMIN, adminPassword);
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
        }
    }

    /** Creates an empty database owned by {@link #USER} and returns its JDBC URL. */
    public String newDatabase() throws SQLException {
        String name = "store_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), ADMIN, adminPassword);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + USER);
        }
        return url(name);
    }

    /** Timeouts so that a stuck server fails the test instead of hanging the build. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database
                + "?connectTimeout=10&socketTimeout=60&loginTimeout=10";
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /**
     * The server's own process (the postmaster), parent of every backend: a benchmark reads the CPU time of the
     * tree it heads. Read from the pid file the running server keeps in its data folder.
     */
    public long serverPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
    }

    /** The server's log; it is deleted with the cluster on {@link #close}, so copy it first to keep it. */
    public Path serverLog() {
        return base.resolve("server.log");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run
        }
        stopAndDelete();
    }

    private void stopAndDelete() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run(STOP_TIMEOUT.plus(PROCESS_GRACE), bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                            "-m", "immediate", "-w", "-t", String.valueOf(STOP_TIMEOUT.toSeconds()), "stop");
                } catch (IOException e) {
                    killPostmaster();
                }
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("throwaway PostgreSQL: stopping failed: " + e);
        } finally {
            deleteQuietly();
        }
    }

    private void killPostmaster() throws IOException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            ProcessHandle.of(serverPid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void deleteQuietly() {
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("throwaway PostgreSQL: could not delete " + base + ": " + e);
        }
    }

    /** Runs a PostgreSQL tool (as the postgres user under root), waiting at most {@code timeout}. */
    private void run(Duration timeout, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Path output = Files.createTempFile(base, "cmd-", ".log");
        Process process = new ProcessBuilder(full).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(PROCESS_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            throw new IOException(String.join(" ", command) + " did not finish within " + timeout + describe(output));
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + describe(output));
        }
    }

    private String describe(Path output) throws IOException {
        String text = Files.readString(output, StandardCharsets.UTF_8).strip();
        Path log = base.resolve("server.log");
        if (Files.exists(log)) {
            text += "\nserver.log:\n" + Files.readString(log, StandardCharsets.UTF_8).strip();
        }
        return text.isEmpty() ? "" : ":\n" + text;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
