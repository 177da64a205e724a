package dev.portal.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto broker as a child process on a loopback port, with its configuration file, log and
 * persistence in one folder of the caller's. {@link #stop()} then {@link #start()} keep the port and the
 * persistence, so clients see an outage of a broker that comes back with their sessions and retained messages.
 *
 * <pre>{@code
 * try (Mosquitto broker = Mosquitto.in(dir).persistent().set("max_queued_messages", 0).start()) {
 *     connect(broker.uri());
 * }
 * }</pre>
 */
public final class Mosquitto implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int RESTART_ATTEMPTS = 3;
    private static final int LOG_TAIL_CHARS = 4000;

    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;

    private Mosquitto(Path dir, Path config, int port) {
        this.dir = dir;
        this.config = config;
        this.port = port;
    }

    /** A broker whose files live in {@code dir} (created if missing): configure it, then {@link Builder#start()}. */
    public static Builder in(Path dir) {
        return new Builder(dir);
    }

    /**
     * Starts on a whole configuration of the caller's (its own listeners, ACL, TLS), for tests of a shipped
     * configuration; {@code port} is the listener to wait for. The log goes to {@link #log()} all the same.
     */
    public static Mosquitto startWithConfig(Path dir, String configText, int port)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, configText + "\n" + String.join("\n", commonLines()) + "\n");
        Mosquitto broker = new Mosquitto(dir, config, port);
        broker.start();
        return broker;
    }

    private static List<String> commonLines() {
        return List.of(
                // Started as root, mosquitto drops to the user "mosquitto", who may not write the test's folder.
                "user " + System.getProperty("user.name"),
                // Appended to log() with start-up errors; stderr, unlike stdout, reaches the file line by line.
                "log_dest stderr");
    }

    /** Starts the broker again after {@link #stop()}, on the same port and configuration. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto is already running on port " + port);
        }
        process = new ProcessBuilder(tool("mosquitto"), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                process = null;
                throw new IOException("mosquitto exited at start: " + logTail());
            }
            if (Ports.awaitListening(port, Duration.ofMillis(200))) {
                return;
            }
        }
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        process = null;
        throw new IOException("mosquitto did not listen on port " + port + " within " + START_TIMEOUT + ": " + logTail());
    }

    /**
     * Stops the broker as an operator would, with SIGTERM, so it writes its persistence file first; SIGKILL only
     * if it is still running after 10 s. Does nothing when it is not running.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public void restart() throws IOException, InterruptedException {
        restart(Duration.ZERO);
    }

    /** {@link #stop()}, {@code downtime} without a broker, {@link #start()}. */
    public void restart(Duration downtime) throws IOException, InterruptedException {
        stop();
        Thread.sleep(downtime.toMillis());
        // A broker that stays down would spoil the rest of a long chaos run: a start that failed once is retried.
        for (int attempt = 1; ; attempt++) {
            try {
                start();
                return;
            } catch (IOException e) {
                if (attempt == RESTART_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Publishes at QoS 1 with mosquitto_pub, a client apart from the code under test, and returns once the
     * broker has it. The payload's bytes go as they are.
     */
    public void publish(String topic, byte[] payload, boolean retained) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool("mosquitto_pub"), "-h", "127.0.0.1",
                "-p", String.valueOf(port), "-q", "1", "-t", topic, "-s"));
        if (retained) {
            command.add("-r");
        }
        Process pub = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream stdin = pub.getOutputStream()) {
            stdin.write(payload);
        }
        String output = new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!pub.waitFor(10, TimeUnit.SECONDS)) {
            pub.destroyForcibly();
            throw new IOException("mosquitto_pub to " + topic + " did not finish within 10 s: " + output);
        }
        if (pub.exitValue() != 0) {
            throw new IOException("mosquitto_pub to " + topic + " failed: " + output);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    /** The broker's log, with its output and errors, across restarts. */
    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    /** CPU time the running broker process has used so far (user + system); zero when it is not running. */
    public synchronized Duration cpuTime() {
        return process == null ? Duration.ZERO
                : process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private String logTail() {
        try {
            String text = Files.readString(log());
            return text.substring(Math.max(0, text.length() - LOG_TAIL_CHARS));
        } catch (IOException e) {
            return "(no log at " + log() + ")";
        }
    }

    /** The path of one of Debian's mosquitto tools; fails naming the packages when it is not installed. */
    static String tool(String name) {
        // Not only PATH: mosquitto is in /usr/sbin, which a user's PATH often lacks.
        List<String> folders = new ArrayList<>(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"));
        String path = System.getenv("PATH");
        if (path != null) {
            folders.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        for (String folder : folders) {
            Path candidate = Path.of(folder, name);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed, and these tests need a real broker: "
                + "apt-get install mosquitto mosquitto-clients");
    }

    /**
     * The broker's configuration: one anonymous listener on a free port on 127.0.0.1, then {@link #set options},
     * then {@link #lines raw lines} (TLS settings for that listener, more listeners).
     */
    public static final class Builder {
        private final Path dir;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<String> lines = new ArrayList<>();
        private boolean perListenerSettings;

        private Builder(Path dir) {
            this.dir = dir;
            options.put("allow_anonymous", "true");
            // Mosquitto's own limits (1000 queued, 20 in flight per client) drop or hold back test bursts.
            options.put("max_queued_messages", "100000");
            options.put("max_inflight_messages", "100");
        }

        /** The broker's folder, for files a configuration line names (certificates, password files). */
        public Path dir() {
            return dir;
        }

        /** Sets one option for the broker, replacing a default of the same name. */
        public Builder set(String option, Object value) {
            options.put(option, String.valueOf(value));
            return this;
        }

        /** Lines written after the options, as they are. */
        public Builder lines(List<String> more) {
            lines.addAll(more);
            return this;
        }

        public Builder lines(String... more) {
            return lines(List.of(more));
        }

        /** Sessions, queued and retained messages are written to {@code dir/data} and survive {@link #restart()}. */
        public Builder persistent() {
            set("persistence", true);
            set("persistence_location", dir.resolve("data") + "/");
            // Saved every second as well as at SIGTERM, so a SIGKILLed broker loses little.
            return set("autosave_interval", 1);
        }

        /**
         * Security options (allow_anonymous, password_file, ...) then belong to the listener above them, so that
         * listeners added with {@link #lines} can ask for what the first one does not.
         */
        public Builder perListenerSettings() {
            perListenerSettings = true;
            return this;
        }

        public Mosquitto start() throws IOException, InterruptedException {
            Files.createDirectories(dir);
            if (options.containsKey("persistence_location")) {
                Files.createDirectories(dir.resolve("data"));
            }
            int port = Ports.free();
            List<String> text = new ArrayList<>();
            if (perListenerSettings) {
                text.add("per_listener_settings true"); // mosquitto wants it before any listener
            }
            text.addAll(commonLines());
            text.add("listener " + port + " 127.0.0.1");
            options.forEach((option, value) -> text.add(option + " " + value));
            text.addAll(lines);
            text.add("");
            Path config = dir.resolve("mosquitto.conf");
            Files.writeString(config, String.join("\n", text));
            Mosquitto broker = new Mosquitto(dir, config, port);
            broker.start();
            return broker;
        }
    }
}
