package dev.portal.system.chaos;

import dev.portal.system.process.ChildProcess;
import dev.portal.system.process.JavaCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The host bridge ({@code BridgeMain}, as scripts/bridge runs it) on its own store, restartable. */
final class BridgeProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String RUNNING = "portal bridge: running on";

    private final Path dir;
    private final List<String> args;
    private ChildProcess process;
    private int kills;

    private static final String MAIN_CLASS = "dev.portal.bridge.app.BridgeMain";

    /** @param storeArgs {@link BridgeStore#bridgeArgs()}: none keeps the state in {@code dir}'s SQLite file */
    BridgeProcess(String brokerUri, Path dir, List<String> storeArgs) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        // No metrics page: its fixed default port would clash with any other bridge on the machine.
        List<String> all = new ArrayList<>(List.of("--broker", brokerUri, "--data-dir", dir.toString(),
                "--client-id", "chaos-bridge", "--metrics-port", "0"));
        all.addAll(storeArgs);
        this.args = List.copyOf(all);
    }

    int kills() {
        return kills;
    }

    void start() throws IOException, InterruptedException {
        Path log = dir.resolve("bridge.log");
        long before = Files.exists(log) ? Files.size(log) : 0;
        process = ChildProcess.start("bridge", JavaCommand.of(MAIN_CLASS, List.of("-Xmx256m",
                "-XX:+UseSerialGC", "-Dlogback.configurationFile=portal-logback.xml"), args), log);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.size(log) > before && tail(log, before).contains(RUNNING)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("the bridge exited with " + process.process().exitValue() + "; see " + log);
            }
            Thread.sleep(50);
        }
        process.kill();
        throw new IOException("the bridge did not start within " + READY_TIMEOUT + "; see " + log);
    }

    private static String tail(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(from, all.length), (int) (all.length - Math.min(from, all.length)),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    void killAndRestart(Duration down) throws IOException, InterruptedException {
        process.kill();
        kills++;
        Thread.sleep(down.toMillis());
        start();
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
