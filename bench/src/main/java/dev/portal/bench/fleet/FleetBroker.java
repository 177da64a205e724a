package dev.portal.bench.fleet;

import dev.portal.system.process.ChildProcess;
import dev.portal.system.process.HiveBrokerMain;
import dev.portal.testsupport.Ports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The embedded HiveMQ CE broker ({@link HiveBrokerMain}) in a JVM of its own on a free loopback port. */
final class FleetBroker implements AutoCloseable {
    private final ChildProcess process;
    private final String uri;

    private FleetBroker(ChildProcess process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    static FleetBroker start(Path dir, List<String> jvmOptions) throws IOException {
        int port = Ports.free();
        ChildProcess process = ChildJvm.start("broker", HiveBrokerMain.class.getName(), jvmOptions,
                List.of(dir.resolve("hivemq").toString(), Integer.toString(port)), dir.resolve("broker.log"),
                HiveBrokerMain.READY);
        return new FleetBroker(process, "tcp://127.0.0.1:" + port);
    }

    String uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
