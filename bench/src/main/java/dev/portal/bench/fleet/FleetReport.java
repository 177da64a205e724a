package dev.portal.bench.fleet;

import java.util.List;

/** The Markdown of the fleet benchmark's cases: load, CPU per frame, latency, memory per portal. */
final class FleetReport {
    private FleetReport() {
    }

    static double seconds(FleetCase.Result r) {
        return r.options().window().toNanos() / 1e9;
    }

    /** Microseconds of CPU per frame a portal sent in the window. */
    static double perFrame(java.time.Duration cpu, FleetCase.Result r) {
        return r.frames() == 0 ? Double.NaN : cpu.toNanos() / 1000.0 / r.frames();
    }

    /** Bytes per connected portal: the busy figure less the idle one, for one bridge (the mean over bridges). */
    static double bridgeHeapPerPortal(FleetCase.Result r) {
        return perPortal(r, r.bridgeIdle(), r.bridgeBusy(), true);
    }

    static double brokerHeapPerPortal(FleetCase.Result r) {
        return (double) r.brokerBusy().minus(r.brokerIdle()).liveHeapBytes() / r.options().portals();
    }

    private static double perPortal(FleetCase.Result r, List<JvmMemory> idle, List<JvmMemory> busy, boolean heap) {
        double sum = 0;
        for (int i = 0; i < busy.size(); i++) {
            JvmMemory delta = busy.get(i).minus(idle.get(i));
            sum += heap ? delta.liveHeapBytes() : delta.rssBytes();
        }
        return sum / busy.size() / r.options().portals();
    }

    static void cases(List<FleetCase.Result> results, StringBuilder md) {
        md.append("### Load, CPU per frame, latency\n\n");
        md.append("| bridges | portals | frames/s offered | game events/s | bridge CPU / frame | PostgreSQL CPU / frame "
                + "| broker CPU / frame | PostgreSQL commits / frame | placement -> `placed` p50 | p99 "
                + "| placements without a `placed` event |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FleetCase.Result r : results) {
            GameServer.Heard h = r.heard();
            md.append(String.format("| %d | %,d | %,.0f | %,.0f | %.0f µs | %.0f µs | %.0f µs | %.2f | %.1f ms | %.1f ms "
                            + "| %d of %,d |%n", r.bridges(), r.options().portals(), r.frames() / seconds(r),
                    h.events() / seconds(r), perFrame(r.cpu().bridges(), r), perFrame(r.cpu().database(), r),
                    perFrame(r.cpu().broker(), r), (double) r.commits() / r.frames(), h.percentileMillis(50),
                    h.percentileMillis(99), h.unheard(), h.placements()));
        }
        md.append("\nCPU of each kind of process over the window (bridges added up), and how busy it kept a core:\n\n");
        md.append("| bridges | bridges | PostgreSQL | broker (HiveMQ CE) | the simulated fleet and game server (this JVM) "
                + "| other processes of the machine | threads in this JVM | frames sent | portal send failures "
                + "| events heard twice |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (FleetCase.Result r : results) {
            md.append(String.format("| %d | %s | %s | %s | %s | %s | %,d | %,d | %d | %d |%n", r.bridges(),
                    busy(r.cpu().bridges(), r), busy(r.cpu().database(), r), busy(r.cpu().broker(), r),
                    busy(r.cpu().fleet(), r), busy(r.cpu().others(), r), r.fleetThreads(), r.frames(),
                    r.sendFailures(), r.heard().copies()));
        }
        md.append("\n### Memory per connected portal\n\n");
        md.append("| bridges | bridge live heap idle -> with the fleet | per portal | bridge RSS idle -> with the fleet "
                + "| per portal | broker live heap idle -> with the fleet | per portal | broker RSS idle -> with the fleet "
                + "| per portal |\n|---|---|---|---|---|---|---|---|---|\n");
        for (FleetCase.Result r : results) {
            md.append(String.format("| %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.bridges(),
                    range(mean(r.bridgeIdle(), true), mean(r.bridgeBusy(), true)), kib(bridgeHeapPerPortal(r)),
                    range(mean(r.bridgeIdle(), false), mean(r.bridgeBusy(), false)),
                    kib(perPortal(r, r.bridgeIdle(), r.bridgeBusy(), false)),
                    range(r.brokerIdle().liveHeapBytes(), r.brokerBusy().liveHeapBytes()), kib(brokerHeapPerPortal(r)),
                    range(r.brokerIdle().rssBytes(), r.brokerBusy().rssBytes()),
                    kib((double) r.brokerBusy().minus(r.brokerIdle()).rssBytes() / r.options().portals())));
        }
    }

    private static String busy(java.time.Duration cpu, FleetCase.Result r) {
        return String.format("%.1f s (%.0f %% of a core)", cpu.toNanos() / 1e9, 100 * cpu.toNanos() / 1e9 / seconds(r));
    }

    private static long mean(List<JvmMemory> memories, boolean heap) {
        return (long) memories.stream().mapToLong(m -> heap ? m.liveHeapBytes() : m.rssBytes()).average().orElse(0);
    }

    private static String range(long idle, long busy) {
        return String.format("%.0f -> %.0f MiB", idle / 1048576.0, busy / 1048576.0);
    }

    static String kib(double bytes) {
        return String.format("%.1f KiB", bytes / 1024);
    }
}
