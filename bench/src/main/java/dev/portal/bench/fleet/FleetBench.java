package dev.portal.bench.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * scripts/bench fleet: a fleet of simulated portals, each with its own MQTT connection and Birth, playing by
 * {@link PlayModel} through 1 and then 3 bridges on one PostgreSQL server, the bridges' embedded HiveMQ CE
 * broker in a process of its own. Prints Markdown: CPU per frame of bridges, PostgreSQL and broker,
 * placement-to-event latency, memory per connected portal, and a sizing on paper.
 * Arguments: [--portals N] [--seconds S] [--warmup S] [--speedup X] [--bridges 1,3] [--seed N].
 */
public final class FleetBench {
    private static final List<String> JVM_OPTIONS = List.of("-Xmx1g");
    private static final int[] SIZING = {10_000, 100_000};

    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "portal-demo-logback.xml");
        }
        Arguments a = Arguments.parse(args);
        // Interrupted (Ctrl-C, timeout): the broker and bridge JVMs this run started go with it (PostgreSQL's
        // own hook stops its server; its pg_ctl is left alone).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().children()
                .filter(child -> child.info().command().orElse("").endsWith("/java"))
                .forEach(ProcessHandle::destroy), "fleet-children-stop"));
        PlayModel model = PlayModel.evening(a.speedUp());
        FleetCase.Options options = new FleetCase.Options(a.portals(), Duration.ofSeconds(a.warmUpSeconds()),
                Duration.ofSeconds(a.seconds()), model, a.seed(), JVM_OPTIONS);
        Path dir = Files.createTempDirectory("fleet-bench");
        List<FleetCase.Result> results = new ArrayList<>();
        try (FleetDatabase database = FleetDatabase.start(dir)) {
            for (int bridges : a.bridges()) {
                results.add(FleetCase.run(bridges, options, database, dir.resolve(bridges + "-bridges")));
            }
        }
        System.out.print(markdown(a, model, results));
        System.out.flush();
        // A thousand links share the MQTT client's event loop threads, which are not daemons: one link still
        // closing must not keep the finished run (and scripts/bench) waiting.
        System.exit(0);
    }

    private static String markdown(Arguments a, PlayModel model, List<FleetCase.Result> results) {
        StringBuilder md = new StringBuilder();
        md.append(String.format("%,d simulated portals in one JVM (`FramePortal`: the device's topics and frames, "
                        + "its own MQTT connection each, status and Birth, verdicts answered), played for a %d s "
                        + "window after %d s of warm-up; the bridges (`BridgeMain` with `--store`, each its own "
                        + "process, `-Xmx1g`, client ids `fleet-bridge-N`, with several `--shared %s`) on a "
                        + "throwaway PostgreSQL %s cluster (fsync off: CPU, not disk, is measured); the broker is the "
                        + "bridge's embedded HiveMQ CE in a JVM of its own (`-Xmx1g`). Everything on this one "
                        + "machine's cores.%n%n",
                a.portals(), a.seconds(), a.warmUpSeconds(), FleetCase.SHARED_GROUP, "15"));
        md.append("Play model: ").append(model.describe()).append("\n\n");
        FleetReport.cases(results, md);
        md.append("""

                CPU is read from `/proc/PID/stat` (user + system) at the window's ends: each bridge process; the \
                PostgreSQL server with every backend and the children it reaped; the broker process. Per frame \
                means per frame a portal published in the window (heartbeats included). Latency: from the moment \
                a portal is told to put a toy down (just before its TagPlaced is published) to the `placed` event \
                reaching the game server's subscription on `game/events`. Live heap: `jcmd PID \
                GC.class_histogram` (a full collection, then every reachable object counted), idle = the same \
                bridges (or broker) started on the empty database and left alone for 5 s before any portal \
                connected; with the fleet = after the window, every portal still connected. RSS (VmRSS) moves \
                with how much heap the collector chose to keep, so the live heap is the figure to size by.

                The first Births of a fleet are admitted by a bridge run in the benchmark's JVM with the same client \
                id as bridge 1 and its limit of 60 new portals a minute lifted; the measured bridges then start on \
                a database that knows every portal, as a deployed fleet's do.

                """);
        if (!results.isEmpty()) {
            md.append("### Sizing on paper\n\n");
            Sizing.table(results.getFirst(), SIZING, md);
            md.append("""

                    Each row is the measured cost per frame times the evening's frame rate of that many real \
                    portals. Heartbeats are most of it: a portal in a session sends one toy's 4 frames every 5 \
                    minutes, and a heartbeat every 30 s always; every portal in a session at once (a holiday \
                    morning) adds under a quarter. Each bridge holds every portal (a shared subscription gives \
                    each bridge frames of all of them). HiveMQ CE runs on one host (its cluster is not in the free \
                    edition), so the broker's CPU and heap are one host's. Bridge hosts: enough 2-core hosts at \
                    half load for the bridge CPU, plus one so that losing any leaves enough. Not measured: the \
                    reconnect storm after a broker restart (every portal connecting and sending its Birth at once), \
                    TLS, a database on its own disk with fsync on.
                    """);
        }
        return md.toString();
    }

    /** The command line. */
    record Arguments(int portals, int seconds, int warmUpSeconds, double speedUp, int[] bridges, long seed) {
        static Arguments parse(String[] args) {
            int portals = 1000;
            int seconds = 60;
            int warmUp = 20;
            double speedUp = 10;
            int[] bridges = {1, 3};
            long seed = 15;
            for (int i = 0; i < args.length; i++) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[++i];
                switch (args[i - 1]) {
                    case "--portals" -> portals = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--warmup" -> warmUp = Integer.parseInt(value);
                    case "--speedup" -> speedUp = Double.parseDouble(value);
                    case "--bridges" -> bridges = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i - 1]
                            + " (--portals N --seconds S --warmup S --speedup X --bridges 1,3 --seed N)");
                }
            }
            return new Arguments(portals, seconds, warmUp, speedUp, bridges, seed);
        }
    }
}
