package dev.portal.system.chaos;

import dev.portal.system.net.PausableProxy;
import dev.portal.system.portal.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole system as separate processes under faults: a persistent broker (Mosquitto, or HiveMQ CE in a process
 * of its own), the bridge on its SQLite file or one or more bridges on a PostgreSQL server of the run's own,
 * several simulated portals behind pausable proxies, and the players. Faults strike on a seeded plan while the
 * players play; then the system drains and the bridges' records, read once from their shared store, are judged
 * against what the players did.
 */
public final class ChaosRun {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosRun.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);
    /** Longer than the bridge's 10 s resend of unconfirmed events plus a reconnect. */
    private static final Duration GAME_EVENTS_TIMEOUT = Duration.ofSeconds(30);

    private final ChaosOptions o;
    private final PrintStream out;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final AtomicInteger brokerRestarts = new AtomicInteger();
    private final AtomicInteger databaseRestarts = new AtomicInteger();
    private final List<String> faultErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Which bridges each bridge kill took, and when: for the summary. */
    private final List<String> bridgeKills = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile GameEventCheck gameCheck;

    public ChaosRun(ChaosOptions options, PrintStream out) {
        this.o = options.check();
        this.out = out;
    }

    /** How many times the database was restarted (PostgreSQL only). */
    int databaseRestarts() {
        return databaseRestarts.get();
    }

    /** Whether the game server heard every event the bridge's records call for (after {@link #run}). */
    GameEventCheck gameEvents() {
        return gameCheck;
    }

    public Verdict.Summary run() throws Exception {
        Thread cleanup = new Thread(this::closeAll, "chaos-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // children die with us even on Ctrl-C
        try {
            return runChecked();
        } finally {
            closeAll();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    private Verdict.Summary runChecked() throws Exception {
        Path dir = o.dir();
        Files.createDirectories(dir);
        FaultPlan plan = FaultPlan.of(o);
        out.printf("chaos: %d s, %d portals x %d pads, %d toys each, seed %d, store %s, %d bridge%s, broker %s, "
                        + "data in %s%n", o.duration().toSeconds(), o.portals(), o.pads(), o.toysPerPortal(), o.seed(),
                o.store().label(), o.bridges(), o.bridges() == 1 ? "" : "s (shared group " + ChaosOptions.SHARED_GROUP
                        + ")", o.broker().label(), dir);
        out.printf("chaos: readers %s%n", java.util.stream.IntStream.range(0, o.portals())
                .mapToObj(i -> "chaos-" + i + " " + PortalProcess.readers(i)).toList());
        BridgeStore store = track(o.store() == ChaosOptions.Store.POSTGRESQL
                ? PostgresBridgeStore.start(dir.resolve("postgresql"))
                : new SqliteBridgeStore(dir.resolve("bridge")));
        ChaosBroker broker = track(ChaosBroker.start(o.broker(), dir.resolve("broker")));
        GameListener game = track(new GameListener(broker.uri()));
        FrameTap tap = track(new FrameTap(broker.uri(), dir.resolve("portal-frames.log")));
        ChaosBridges bridges = track(ChaosBridges.of(o, broker.uri(), dir, store));
        bridges.start();
        Map<String, Path> worldFiles = new LinkedHashMap<>();
        for (int i = 0; i < o.portals(); i++) {
            worldFiles.put("chaos-" + i, dir.resolve("world-chaos-" + i + ".txt"));
        }
        Player player = new Player(o.seed(), worldFiles, o.toysPerPortal(), o.pads(), dir.resolve("player.log"));
        List<PausableProxy> proxies = new ArrayList<>();
        List<PortalProcess> portals = new ArrayList<>();
        for (int i = 0; i < o.portals(); i++) {
            String id = "chaos-" + i;
            PausableProxy proxy = track(new PausableProxy(broker.port()));
            proxies.add(proxy);
            PortalProcess portal = track(new PortalProcess(id, proxy.uri(), dir.resolve("portal-" + i),
                    worldFiles.get(id), o, i, up -> player.portalUp(id, up)));
            portals.add(portal);
        }
        for (PortalProcess p : portals) {
            p.start();
        }
        long start = System.currentTimeMillis();
        long end = start + o.duration().toMillis();
        Thread faults = new Thread(() -> inject(plan, start, broker, bridges, store, portals), "faults");
        Thread partition = new Thread(() -> partition(plan, start, proxies.get(plan.partitionedPortal())), "partition");
        faults.start();
        partition.start();
        player.play(end);
        faults.join(Duration.ofMinutes(3).toMillis());
        partition.join(Duration.ofMinutes(1).toMillis());
        proxies.forEach(PausableProxy::restore);
        List<Action> actions = player.actions();
        Map<String, World> worlds = player.worlds();
        player.close();
        long playedMillis = System.currentTimeMillis() - start;
        out.printf("played %.1f s: %d actions (%.1f events/s); draining...%n", playedMillis / 1000.0, actions.size(),
                actions.size() * 1000.0 / playedMillis);
        ensureRunning(bridges, portals);
        long drainStart = System.nanoTime();
        drain(store, worlds);
        out.printf("drained in %.1f s%n", (System.nanoTime() - drainStart) / 1e9);
        // The game server waits for its events while the bridges still run, as it would in production: a
        // bridge stopped first would keep what it had not yet published for its next start.
        long gameStart = System.nanoTime();
        GameEventCheck whileRunning = awaitGameEvents(BridgeRecords.read(store), game);
        out.printf("game events settled in %.1f s (%d missing then)%n", (System.nanoTime() - gameStart) / 1e9,
                whileRunning.missing());
        bridges.stop();
        BridgeRecords records = BridgeRecords.read(store);
        records.save(dir.resolve("bridge-records"));
        Verdict.Summary summary = Verdict.judge(actions, worlds, records, System.currentTimeMillis());
        gameCheck = awaitGameEvents(records, game);
        print(summary, plan, bridges, portals, tap);
        return summary;
    }

    private void inject(FaultPlan plan, long start, ChaosBroker broker, ChaosBridges bridges, BridgeStore store,
                        List<PortalProcess> portals) {
        for (FaultPlan.Fault f : plan.faults()) {
            try {
                long wait = start + f.atMillis() - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                LOG.info("fault: {}{}{}", f.kind(), f.portal() >= 0 ? " chaos-" + f.portal() : "",
                        f.bridges().isEmpty() ? "" : " " + bridges.names(f.bridges()));
                switch (f.kind()) {
                    case BROKER_RESTART -> {
                        broker.restart(Duration.ofMillis(500));
                        brokerRestarts.incrementAndGet();
                    }
                    case BRIDGE_KILL -> {
                        bridgeKills.add(bridges.names(f.bridges()) + " at " + (System.currentTimeMillis() - start) / 1000
                                + " s");
                        bridges.killAndRestart(f.bridges());
                    }
                    case PORTAL_KILL -> portals.get(f.portal()).killAndRestart(Duration.ofMillis(500));
                    case DATABASE_RESTART -> {
                        store.restart(o.databaseDown());
                        databaseRestarts.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                faultErrors.add(f.kind() + ": " + e.getMessage());
                LOG.error("fault {} failed", f.kind(), e);
            }
        }
    }

    private void partition(FaultPlan plan, long start, PausableProxy proxy) {
        try {
            Thread.sleep(Math.max(0, start + plan.partitionAtMillis() - System.currentTimeMillis()));
            proxy.cut();
            Thread.sleep(o.partition().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            proxy.restore();
        }
    }

    private void ensureRunning(ChaosBridges bridges, List<PortalProcess> portals)
            throws IOException, InterruptedException {
        bridges.ensureRunning(faultErrors);
        for (PortalProcess p : portals) {
            if (!p.isAlive()) {
                faultErrors.add("portal " + p.id() + " was not running at the end");
                p.start();
            }
        }
    }

    /** Waits until the bridge's state equals the world and its log stops changing, or the timeout. */
    private void drain(BridgeStore store, Map<String, World> worlds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT.toMillis();
        int lastSessions = -1;
        int stable = 0;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            try {
                BridgeRecords r = BridgeRecords.read(store);
                long open = r.sessions().stream().filter(s -> s.endedMillis() == null).count();
                long onPads = worlds.values().stream().mapToLong(w -> w.toys().size()).sum();
                // Frames still parked wait for predecessors (asked for again, or on their way through a bridge
                // coming back): the records are not final while any does.
                boolean settled = r.sessions().size() == lastSessions && open == onPads
                        && r.placements().size() == onPads && r.parkedFrames() == 0;
                LOG.info("draining: {} sessions, {} open, {} placements, {} toys on pads, {} frames parked",
                        r.sessions().size(), open, r.placements().size(), onPads, r.parkedFrames());
                stable = settled ? stable + 1 : 0;
                lastSessions = r.sessions().size();
                if (stable >= 3) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                LOG.debug("database busy while draining: {}", e.getMessage());
            }
        }
        LOG.warn("the system did not settle within {}", DRAIN_TIMEOUT);
    }

    /** The events of the last commits may still be on their way to the game server: wait for them a little. */
    private static GameEventCheck awaitGameEvents(BridgeRecords records, GameListener game) throws InterruptedException {
        long deadline = System.nanoTime() + GAME_EVENTS_TIMEOUT.toNanos();
        GameEventCheck check = GameEventCheck.of(records.sessions(), game);
        while (check.missing() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            check = GameEventCheck.of(records.sessions(), game);
        }
        return check;
    }

    private void print(Verdict.Summary s, FaultPlan plan, ChaosBridges bridges, List<PortalProcess> portals,
                       FrameTap tap) {
        int portalKills = portals.stream().mapToInt(PortalProcess::kills).sum();
        String databaseFaults = o.store() == ChaosOptions.Store.POSTGRESQL
                ? String.format("database restarts %d (down %d s each), ", databaseRestarts.get(),
                        o.databaseDown().toSeconds())
                : "";
        out.printf("faults: %s broker restarts %d, portal kills (kill -9) %d, bridge kills (kill -9) %d, %s"
                        + "portal chaos-%d cut off for %d s, RF: %.0f %% missed answers, bit errors %.4f %% per bit%n",
                o.broker().label(), brokerRestarts.get(), portalKills, bridges.kills(), databaseFaults,
                plan.partitionedPortal(), o.partition().toSeconds(), o.missedAnswers() * 100, o.bitErrors() * 100);
        synchronized (bridgeKills) {
            bridgeKills.forEach(k -> out.printf("  bridge kill: %s (restarted %d s later)%n", k,
                    ChaosBridges.RESTART_AFTER.toSeconds()));
        }
        faultErrors.forEach(e -> out.println("fault error: " + e));
        out.printf("events made:         %d%n", s.made());
        out.printf("events delivered:    %d%n", s.delivered());
        out.printf("events lost:         %d%n", s.lost());
        if (!s.lostPlacements().isEmpty()) {
            out.printf("  (%d of the %d lost placements no portal ever published: see portal-frames.log)%n",
                    tap.unpublished(s.lostPlacements()), s.lostPlacements().size());
        }
        out.printf("duplicated in state: %d%n", s.duplicated());
        out.printf("false removals:      %d%n", s.falseRemovals());
        out.printf("state mismatches:    %d%n", s.stateMismatches());
        out.printf("(placements re-announced by a restarted portal: %d)%n", s.restartReannouncements());
        List<String> holes = tap.holes(10);
        out.println(holes.isEmpty() ? "(every frame the portals published reached the frame tap)"
                : "frames the broker acknowledged and lost (never heard by the frame tap): " + holes);
        if (tap.deadLetters() > 0) {
            out.printf("(frames the bridge refused, on game/deadletter: %d)%n", tap.deadLetters());
        }
        s.examples().forEach(e -> out.println("  " + e));
        out.printf("game/events: %d of %d heard by the game server (from %d bridge%s), %d missing (%d heard twice "
                        + "with the same content, sent again after a bridge restart; %d eventIds heard with different "
                        + "contents)%n", gameCheck.expected() - gameCheck.missing(), gameCheck.expected(),
                bridges.count(), bridges.count() == 1 ? "" : "s", gameCheck.missing(), gameCheck.copies(),
                gameCheck.conflicting());
        gameCheck.examples().forEach(e -> out.println("  " + e));
        out.println(passed(s) ? "chaos: PASS" : "chaos: FAIL");
    }

    public boolean passed(Verdict.Summary s) {
        return s.passed() && faultErrors.isEmpty() && gameCheck != null && gameCheck.passed();
    }

    private <T extends AutoCloseable> T track(T resource) {
        synchronized (resources) {
            resources.add(resource);
        }
        return resource;
    }

    private void closeAll() {
        List<AutoCloseable> all;
        synchronized (resources) {
            all = new ArrayList<>(resources);
            resources.clear();
        }
        java.util.Collections.reverse(all);
        for (AutoCloseable r : all) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("cleanup of {} failed: {}", r, e.toString());
            }
        }
    }
}
