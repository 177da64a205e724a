package dev.portal.system.chaos;

import dev.portal.system.process.ChildProcess;
import dev.portal.system.process.JavaCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One host bridge ({@code BridgeMain}, as scripts/bridge runs it) on the run's store, restartable. */
final class BridgeProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String RUNNING = "portal bridge: running on";
    private static final String MAIN_CLASS = "dev.portal.bridge.app.BridgeMain";

    private final String id;
    private final Path dir;
    private final List<String> args;
    private ChildProcess process;
    private int kills;

    /**
     * @param id        its MQTT client id, the same in every start so it finds its session and its outbox again
     * @param shared    the shared subscription group when it is one of several bridges
     * @param storeArgs {@link BridgeStore#bridgeArgs()}: none keeps the state in {@code dir}'s SQLite file
     */
    BridgeProcess(String id, String brokerUri, Path dir, Optional<String> shared, List<String> storeArgs)
            throws IOException {
        this.id = id;
        this.dir = dir;
        Files.createDirectories(dir);
        // No metrics page: its fixed default port would clash with any other bridge on the machine.
        List<String> all = new ArrayList<>(List.of("--broker", brokerUri, "--data-dir", dir.toString(),
                "--client-id", id, "--metrics-port", "0"));
        shared.ifPresent(group -> all.addAll(List.of("--shared", group)));
        all.addAll(storeArgs);
        this.args = List.copyOf(all);
    }

    String id() {
        return id;
    }

    int kills() {
        return kills;
    }

    void start() throws IOException {
        launch();
        awaitReady();
    }

    /** Starts the process without waiting for it: {@link #awaitReady} then, so several bridges start together. */
    void launch() throws IOException {
        process = ChildProcess.start(id, JavaCommand.of(MAIN_CLASS, List.of("-Xmx256m",
                "-XX:+UseSerialGC", "-Dlogback.configurationFile=portal-logback.xml"), args), dir.resolve("bridge.log"));
    }

    void awaitReady() throws IOException {
        process.awaitReady(RUNNING, READY_TIMEOUT);
    }

    /** kill -9: the bridge gets no chance to finish anything. */
    void kill() {
        process.kill();
        kills++;
    }

    /** SIGTERM: the bridge finishes its queue and closes the database. */
    void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(15));
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }
}
