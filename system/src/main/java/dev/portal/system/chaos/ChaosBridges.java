package dev.portal.system.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The run's bridges on one broker and one store: one, as deployed on a single host, or several with their own
 * client ids in one shared subscription group. Kills and restarts them as the fault plan says.
 */
final class ChaosBridges implements AutoCloseable {
    /**
     * How long a killed bridge stays down: systemd's RestartSec=2 in the unit scripts/install-host and
     * scripts/install-pi write, with each bridge its own unit.
     */
    static final Duration RESTART_AFTER = Duration.ofSeconds(2);

    private final List<BridgeProcess> bridges;

    private ChaosBridges(List<BridgeProcess> bridges) {
        this.bridges = bridges;
    }

    /**
     * Creates the bridges of {@code o} (not started yet): one keeps its state in {@code dir}/bridge as it always
     * did; several get {@code dir}/bridge-1, bridge-2... for their logs, their state being in {@code store}.
     */
    static ChaosBridges of(ChaosOptions o, String brokerUri, Path dir, BridgeStore store) throws IOException {
        List<BridgeProcess> all = new ArrayList<>();
        Optional<String> shared = o.bridges() > 1 ? Optional.of(ChaosOptions.SHARED_GROUP) : Optional.empty();
        for (int i = 0; i < o.bridges(); i++) {
            Path data = dir.resolve(o.bridges() == 1 ? "bridge" : "bridge-" + (i + 1));
            all.add(new BridgeProcess(o.bridgeId(i), brokerUri, data, shared, store.bridgeArgs()));
        }
        return new ChaosBridges(List.copyOf(all));
    }

    int count() {
        return bridges.size();
    }

    /** Starts every bridge at once and returns when all run. */
    void start() throws IOException {
        start(bridges);
    }

    private static void start(List<BridgeProcess> some) throws IOException {
        for (BridgeProcess b : some) {
            b.launch();
        }
        for (BridgeProcess b : some) {
            b.awaitReady();
        }
    }

    /** kill -9 of the bridges numbered {@code which} at once; each starts again {@link #RESTART_AFTER} later. */
    void killAndRestart(List<Integer> which) throws IOException, InterruptedException {
        List<BridgeProcess> some = which.stream().map(bridges::get).toList();
        some.forEach(BridgeProcess::kill);
        Thread.sleep(RESTART_AFTER.toMillis());
        start(some);
    }

    /** The client ids of the bridges numbered {@code which}, joined by "+". */
    String names(List<Integer> which) {
        return which.stream().map(i -> bridges.get(i).id()).collect(Collectors.joining("+"));
    }

    int kills() {
        return bridges.stream().mapToInt(BridgeProcess::kills).sum();
    }

    /** Starts any bridge that is not running (a failed restart) and says so in {@code errors}. */
    void ensureRunning(List<String> errors) throws IOException {
        for (BridgeProcess b : bridges) {
            if (!b.isAlive()) {
                errors.add("bridge " + b.id() + " was not running at the end");
                b.start();
            }
        }
    }

    /** SIGTERM to every bridge: each finishes its queue and closes its database connections. */
    void stop() {
        bridges.forEach(BridgeProcess::stop);
    }

    @Override
    public void close() {
        stop();
    }
}
