package dev.portal.device.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker on a free loopback port, with its own config and persistence directory. Tests FAIL
 * (never skip) when mosquitto is not installed. {@link #stop()} and {@link #start()} simulate an outage: the
 * port and the persisted sessions stay the same.
 */
public final class MosquittoBroker implements BeforeAllCallback, AfterAllCallback {
    /** Lines for the listener (TLS files, password file), made in the broker's folder before it starts. */
    public interface ListenerSetup {
        java.util.List<String> lines(Path dir) throws Exception;
    }

    private final ListenerSetup setup;
    private Path dir;
    private int port;
    private Process process;

    public MosquittoBroker() {
        this(d -> java.util.List.of("allow_anonymous true"));
    }

    public MosquittoBroker(ListenerSetup setup) {
        this.setup = setup;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("mosquitto");
        // mosquitto drops root privileges to its own user: let that user write its persistence file here
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        java.util.List<String> conf = new java.util.ArrayList<>();
        conf.add("listener " + port + " 127.0.0.1");
        conf.addAll(setup.lines(dir));
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", conf) + "\n" + String.join("\n",
                "persistence true",
                "persistence_location " + dir + "/",
                "autosave_interval 1",
                "max_queued_messages 100000",
                "max_inflight_messages 100",
                "log_dest file " + dir.resolve("mosquitto.log"),
                ""));
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public static String executable() {
        for (String p : new String[] {"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"}) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        throw new AssertionError("mosquitto is not installed (apt-get install mosquitto): these tests need a real broker");
    }

    public synchronized void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(executable(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("mosquitto exited: " + Files.readString(dir.resolve("stdout.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not open port " + port);
    }

    /** Stops the broker the way an operator would (SIGTERM): it saves its persistent sessions first. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }
}
