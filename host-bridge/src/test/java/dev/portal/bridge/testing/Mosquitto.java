package dev.portal.bridge.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Mosquitto broker process on a free loopback port with a configuration file of the test's own. */
public final class Mosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final List<String> extra;
    private Process process;

    private Mosquitto(Path dir, int port, List<String> extra) {
        this.dir = dir;
        this.port = port;
        this.extra = List.copyOf(extra);
    }

    public static Mosquitto start(Path dir) throws IOException, InterruptedException {
        return start(dir, List.of());
    }

    /**
     * {@code extra} is appended to the configuration (more listeners, with per_listener_settings); the first
     * listener, on {@link #port()}, stays anonymous.
     */
    public static Mosquitto start(Path dir, List<String> extra) throws IOException, InterruptedException {
        requireTool("mosquitto");
        Mosquitto broker = new Mosquitto(dir, freePort(), extra);
        broker.launch();
        return broker;
    }

    static void requireTool(String tool) {
        for (String folder : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return;
            }
        }
        throw new AssertionError(tool + " is not installed: apt-get install mosquitto mosquitto-clients "
                + "(scripts/test installs it)");
    }

    static String tool(String name) {
        for (String folder : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            Path path = Path.of(folder, name);
            if (Files.isExecutable(path)) {
                return path.toString();
            }
        }
        requireTool(name);
        return name;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void launch() throws IOException, InterruptedException {
        Path conf = dir.resolve("mosquitto.conf");
        Files.createDirectories(dir.resolve("persist"));
        // mosquitto started as root drops to its own user: that user must read its files and write here
        for (Path folder : List.of(dir, dir.resolve("persist"))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        List<String> lines = new ArrayList<>(List.of(
                extra.isEmpty() ? "" : "per_listener_settings true",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir.resolve("persist") + "/",
                "max_topic_alias 0",
                "set_tcp_nodelay true",
                "max_inflight_messages 0",
                "max_queued_messages 100000",
                "log_dest file " + dir.resolve("mosquitto.log")));
        lines.addAll(extra);
        lines.add("");
        Files.writeString(conf, String.join("\n", lines));
        List<String> command = new ArrayList<>(List.of(tool("mosquitto"), "-c", conf.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.out")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IOException("mosquitto did not listen on " + port + " within 10 s");
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops and starts the same broker (same port, same persistence), as an operator's restart would. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
