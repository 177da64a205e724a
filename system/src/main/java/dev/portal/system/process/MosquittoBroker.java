package dev.portal.system.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Mosquitto broker as a child process, on a config file of its own and a loopback port. Restarts keep the
 * port and the persistence directory, so sessions and queued messages survive them (SIGTERM makes Mosquitto
 * write its persistence file).
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MosquittoBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Path dir;
    private final Path config;
    private final int port;
    private ChildProcess process;
    private int restarts;

    private MosquittoBroker(Path dir, Path config, int port) {
        this.dir = dir;
        this.config = config;
        this.port = port;
    }

    /** The path of the mosquitto binary; fails (the tests need it) when it is not installed. */
    public static String binary() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("mosquitto is not installed (apt-get install mosquitto); "
                + "the system tests need a real broker");
    }

    /** A plain broker for the chaos run: anonymous, persistent, no limit on queued messages per client. */
    public static MosquittoBroker startPersistent(Path dir) throws IOException, InterruptedException {
        int port = Ports.free();
        Files.createDirectories(dir.resolve("data"));
        String conf = String.join("\n",
                runAsMe(),
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir.resolve("data") + "/",
                "autosave_interval 1",
                // A bridge that is down for seconds must find every frame queued for it when it returns.
                "max_queued_messages 0",
                "max_inflight_messages 100",
                "log_dest stdout",
                "log_type error", "log_type warning", "log_type notice",
                "");
        return start(dir, conf, port);
    }

    /**
     * Started as root, Mosquitto drops to the user "mosquitto", who cannot write a test's files: stay this user.
     */
    public static String runAsMe() {
        return "user " + System.getProperty("user.name");
    }

    /** Starts Mosquitto on {@code configText}, which must make it listen on {@code port}. */
    public static MosquittoBroker start(Path dir, String configText, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, configText);
        MosquittoBroker broker = new MosquittoBroker(dir, config, port);
        broker.launch();
        return broker;
    }

    private void launch() throws IOException, InterruptedException {
        process = ChildProcess.start("mosquitto", List.of(binary(), "-c", config.toString()), dir.resolve("mosquitto.log"));
        if (!Ports.awaitListening(port, START_TIMEOUT)) {
            process.kill();
            throw new IOException("mosquitto did not listen on port " + port + " within " + START_TIMEOUT
                    + "; see " + dir.resolve("mosquitto.log"));
        }
    }

    /** Stops the broker (SIGTERM: it saves its persistence file) and starts it again on the same port. */
    public void restart(Duration downtime) throws IOException, InterruptedException {
        process.stop(Duration.ofSeconds(10));
        Thread.sleep(downtime.toMillis());
        for (int attempt = 1; ; attempt++) {
            try {
                launch();
                break;
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
                LOG.warn("mosquitto restart attempt {} failed: {}", attempt, e.getMessage());
            }
        }
        restarts++;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int restarts() {
        return restarts;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
        }
    }
}
