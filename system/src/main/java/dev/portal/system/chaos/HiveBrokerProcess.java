package dev.portal.system.chaos;

import dev.portal.system.process.ChildProcess;
import dev.portal.system.process.HiveBrokerMain;
import dev.portal.system.process.JavaCommand;
import dev.portal.testsupport.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The embedded HiveMQ CE broker ({@link HiveBrokerMain}) in a JVM of its own, on one loopback port and one data
 * folder for the whole run, so that a restart finds its persistent sessions and queued messages again.
 */
final class HiveBrokerProcess implements ChaosBroker {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** Long enough for HiveMQ to write its persistence on SIGTERM. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-Dlogback.configurationFile=portal-logback.xml");

    private final Path dir;
    private final int port;
    private ChildProcess process;

    private HiveBrokerProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static HiveBrokerProcess start(Path dir) throws IOException {
        Files.createDirectories(dir);
        HiveBrokerProcess broker = new HiveBrokerProcess(dir, Ports.free());
        broker.startProcess();
        return broker;
    }

    private synchronized void startProcess() throws IOException {
        process = ChildProcess.start("hivemq", JavaCommand.of(HiveBrokerMain.class.getName(), JVM_OPTIONS,
                List.of(dir.resolve("hivemq").toString(), Integer.toString(port))), dir.resolve("broker.log"));
        process.awaitReady(HiveBrokerMain.READY, READY_TIMEOUT);
    }

    @Override
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    /** SIGTERM (HiveMQ stops cleanly, as on an operator's restart), {@code down} without a broker, start again. */
    @Override
    public void restart(Duration down) throws IOException, InterruptedException {
        synchronized (this) {
            process.stop(STOP_GRACE);
        }
        Thread.sleep(down.toMillis());
        startProcess();
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }
}
