package dev.portal.bench.fleet;

import dev.portal.system.process.ChildProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * N bridges ({@code BridgeMain}, as scripts/bridge runs it) on one broker and one database, each in its own
 * process with its own client id; with a shared group they split the portals' frames, as deployed bridges do.
 */
final class FleetBridges implements AutoCloseable {
    static final String READY = "portal bridge: running on";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final List<ChildProcess> processes;

    private FleetBridges(List<ChildProcess> processes) {
        this.processes = processes;
    }

    /** The client id of bridge {@code i} (from 1): the same in every start, so each finds its session again. */
    static String clientId(int i) {
        return "fleet-bridge-" + i;
    }

    static FleetBridges start(int count, String brokerUri, FleetDatabase.Store store, Optional<String> sharedGroup, Path dir,
                              List<String> jvmOptions) throws IOException {
        List<ChildProcess> started = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                Path data = dir.resolve(clientId(i));
                List<String> args = new ArrayList<>(List.of("--broker", brokerUri, "--data-dir", data.toString(),
                        "--client-id", clientId(i), "--metrics-port", "0"));
                args.addAll(store.bridgeArgs());
                sharedGroup.ifPresent(group -> args.addAll(List.of("--shared", group)));
                started.add(ChildJvm.start(clientId(i), "dev.portal.bridge.app.BridgeMain", jvmOptions, args,
                        dir.resolve(clientId(i) + ".log"), READY));
            }
            return new FleetBridges(List.copyOf(started));
        } catch (IOException | RuntimeException e) {
            started.forEach(p -> p.stop(STOP_GRACE));
            throw e;
        }
    }

    List<Long> pids() {
        return processes.stream().map(ChildProcess::pid).toList();
    }

    /** SIGTERM: each bridge finishes its queue and closes its database connections. */
    @Override
    public void close() {
        processes.forEach(p -> p.stop(STOP_GRACE));
    }
}
