package dev.portal.system.chaos;

import dev.portal.system.process.ChildProcess;
import dev.portal.system.process.JavaCommand;
import dev.portal.system.portal.ChaosPortalMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One simulated portal process of the chaos run, restartable with the same data directory and world file. */
final class PortalProcess implements AutoCloseable {
    /**
     * Portal 1 of the run reads through PN532s, the others through MFRC522s. Its PN532 models sit on the model I2C
     * bus, in the portal's process, behind the real driver: on socat ptys (what --simulate --chip pn532 and the
     * device tests use) every chip command crosses socat and four thread wake-ups, and on a busy two-core machine
     * (load average 20-30) a pad with six toys then polled too slowly for the player's half-second placements
     * (156 of about 2,300 placements never seen in a one-minute run).
     */
    static final int PN532_PORTAL = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final String id;
    private final List<String> args;
    private final Path dir;
    private final Consumer<Boolean> upListener;
    private ChildProcess process;
    private int kills;

    PortalProcess(String id, String brokerUri, Path dir, Path world, ChaosOptions o, int index, Consumer<Boolean> up)
            throws IOException {
        this.id = id;
        this.dir = dir;
        this.upListener = up;
        Files.createDirectories(dir);
        this.args = List.of("--id", id, "--broker", brokerUri, "--data", dir.toString(), "--world", world.toString(),
                "--pads", String.valueOf(o.pads()), "--max-toys", String.valueOf(o.toysPerPortal() + 8),
                "--missed", String.valueOf(o.missedAnswers()), "--bit-errors", String.valueOf(o.bitErrors()),
                "--seed", String.valueOf(o.seed() + index), "--chip", chip(index), "--bus", "i2c");
    }

    /** What the run prints about portal {@code index}'s readers. */
    static String readers(int index) {
        return index == PN532_PORTAL ? "pn532 on i2c" : "mfrc522 on spi";
    }

    static String chip(int index) {
        return index == PN532_PORTAL ? "pn532" : "mfrc522";
    }

    String id() {
        return id;
    }

    int kills() {
        return kills;
    }

    /** Starts the process and waits until it says it is ready; then the players may play on it. */
    void start() throws IOException, InterruptedException {
        List<String> cmd = JavaCommand.of(ChaosPortalMain.class.getName(), List.of("-Xmx128m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=chaos-portal-logback.xml"), args);
        process = ChildProcess.startPiped("portal " + id, cmd, dir.resolve("portal.err"));
        CountDownLatch ready = new CountDownLatch(1);
        Process p = process.process();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("ready")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process died; its stream is gone
            }
        }, "portal-out-" + id);
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.kill();
            throw new IOException("portal " + id + " was not ready within " + READY_TIMEOUT + "; see " + dir);
        }
        upListener.accept(true);
    }

    /** kill -9, then a fresh process on the same outbox, state and world. */
    void killAndRestart(Duration down) throws IOException, InterruptedException {
        upListener.accept(false);
        process.kill();
        kills++;
        Thread.sleep(down.toMillis());
        start();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        upListener.accept(false);
        if (process != null) {
            process.stop(Duration.ofSeconds(5));
        }
    }
}
