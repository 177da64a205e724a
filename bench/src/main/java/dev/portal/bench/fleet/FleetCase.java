package dev.portal.bench.fleet;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.bridge.limits.InputLimits;
import dev.portal.bridge.limits.Rate;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.testing.SimTag;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.ThrowawayPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One case of the fleet benchmark: a fresh broker process and database, N bridge processes, the fleet connected
 * and played; CPU read over a measuring window after a warm-up, memory against an idle baseline.
 */
final class FleetCase {
    private static final Logger LOG = LoggerFactory.getLogger(FleetCase.class);
    static final String SHARED_GROUP = "fleet";
    /** Time for a process just started (or just left alone) to finish its start-up work before it is measured. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration REGISTERED_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);

    /** How a case is run. */
    record Options(int portals, Duration warmUp, Duration window, PlayModel model, long seed, List<String> jvmOptions) {
    }

    /** CPU time over the window, per process kind. */
    record Cpu(Duration bridges, Duration database, Duration broker, Duration fleet, Duration machine) {
        Cpu minus(Cpu before) {
            return new Cpu(bridges.minus(before.bridges), database.minus(before.database), broker.minus(before.broker),
                    fleet.minus(before.fleet), machine.minus(before.machine));
        }

        /** What processes other than the benchmark's used meanwhile (other work sharing the machine). */
        Duration others() {
            return machine.minus(bridges).minus(database).minus(broker).minus(fleet);
        }
    }

    /** What one case measured. */
    record Result(int bridges, Options options, long frames, long sendFailures, long commits, GameServer.Heard heard,
                  Cpu cpu, int fleetThreads, List<JvmMemory> bridgeIdle, List<JvmMemory> bridgeBusy, JvmMemory brokerIdle,
                  JvmMemory brokerBusy) {
    }

    private FleetCase() {
    }

    static Result run(int bridges, Options o, FleetDatabase database, Path dir) throws Exception {
        Files.createDirectories(dir);
        FleetDatabase.Store store = database.newStore();
        Optional<String> group = bridges > 1 ? Optional.of(SHARED_GROUP) : Optional.empty();
        try (FleetBroker broker = FleetBroker.start(dir, o.jvmOptions())) {
            Thread.sleep(SETTLE); // a fixed pause on purpose: the idle baseline is "started, then left alone"
            JvmMemory brokerIdle = JvmMemory.of(broker.pid());
            List<JvmMemory> bridgeIdle = new ArrayList<>();
            try (FleetBridges idle = FleetBridges.start(bridges, broker.uri(), store, group, dir, o.jvmOptions())) {
                Thread.sleep(SETTLE);
                for (long pid : idle.pids()) {
                    bridgeIdle.add(JvmMemory.of(pid));
                }
            }
            LOG.info("{} bridge(s): idle baseline taken; connecting {} portals", bridges, o.portals());
            try (GameServer game = new GameServer(broker.uri());
                 Fleet fleet = register(o, broker.uri(), store, group, dir, game);
                 FleetBridges running = FleetBridges.start(bridges, broker.uri(), store, group, dir, o.jvmOptions())) {
                fleet.play();
                LOG.info("{} bridge(s): playing; warm-up {} s", bridges, o.warmUp().toSeconds());
                Thread.sleep(o.warmUp());
                long framesBefore = fleet.framesSent();
                long commitsBefore = commits(store);
                Cpu before = cpu(running, database, broker);
                game.openWindow();
                Thread.sleep(o.window()); // the measuring window
                Cpu after = cpu(running, database, broker);
                game.closeWindow();
                long frames = fleet.framesSent() - framesBefore;
                long commits = commits(store) - commitsBefore;
                drain(game);
                List<JvmMemory> bridgeBusy = new ArrayList<>();
                for (long pid : running.pids()) {
                    bridgeBusy.add(JvmMemory.of(pid));
                }
                JvmMemory brokerBusy = JvmMemory.of(broker.pid());
                LOG.info("{} bridge(s): measured; stopping", bridges);
                return new Result(bridges, o, frames, fleet.sendFailures(), commits, game.heard(), after.minus(before),
                        Thread.getAllStackTraces().size(), bridgeIdle, bridgeBusy, brokerIdle, brokerBusy);
            }
        }
    }

    /**
     * Connects the fleet and has its Births admitted as a fleet's first night does, by a bridge with the same
     * client id (and session) as bridge 1 whose limit on new portals (60 a minute by default) is lifted: the
     * measured bridges then start on a database that knows every portal, as a deployed fleet's bridges do.
     */
    private static Fleet register(Options o, String brokerUri, FleetDatabase.Store store, Optional<String> group,
                                  Path dir, GameServer game) throws Exception {
        BridgeConfig config = BridgeConfig.defaults(
                        BrokerSettings.plain(brokerUri, FleetBridges.clientId(1)).withCleanSession(false),
                        dir.resolve("register"))
                .withStore(store.storeUrl()).withToyKey(SimTag.KEY)
                .withLimits(InputLimits.defaults().withNewPortals(Rate.of(2 * o.portals(), Duration.ofMinutes(1))));
        if (group.isPresent()) {
            config = config.withSharedGroup(group.get());
        }
        try (Bridge bridge = Bridge.start(config)) {
            Fleet fleet = Fleet.connect(o.portals(), brokerUri, o.model(), o.seed(), game);
            try {
                Await.until(() -> "the Births of " + o.portals() + " portals; applied "
                                + bridge.counters().get(Counter.FRAMES_APPLIED),
                        () -> bridge.counters().get(Counter.FRAMES_APPLIED) >= o.portals(), REGISTERED_TIMEOUT);
                bridge.awaitIdle();
                return fleet;
            } catch (Exception | AssertionError e) {
                fleet.close();
                throw e;
            }
        }
    }

    private static Cpu cpu(FleetBridges bridges, FleetDatabase database, FleetBroker broker) throws Exception {
        Duration sum = Duration.ZERO;
        for (long pid : bridges.pids()) {
            sum = sum.plus(ProcessCpu.of(pid));
        }
        return new Cpu(sum, database.cpu(), ProcessCpu.of(broker.pid()), ProcessCpu.of(ProcessHandle.current().pid()),
                ProcessCpu.machine());
    }

    /** Transactions committed in the store's database so far (PostgreSQL's statistics, flushed within a second). */
    private static long commits(FleetDatabase.Store store) throws SQLException {
        try (Connection c = DriverManager.getConnection(store.url(), ThrowawayPostgres.USER, store.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT xact_commit FROM pg_stat_database "
                     + "WHERE datname = current_database()")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Waits (at most 15 s) for the events of the window's last placements. */
    private static void drain(GameServer game) {
        try {
            Await.until("the placed events of the window's toys", () -> game.heard().unheard() <= 0, DRAIN_TIMEOUT);
        } catch (AssertionError e) {
            LOG.warn("{} of the window's placements had no placed event within {} s", game.heard().unheard(),
                    DRAIN_TIMEOUT.toSeconds());
        }
    }
}
