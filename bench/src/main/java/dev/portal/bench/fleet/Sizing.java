package dev.portal.bench.fleet;

/**
 * Sizing on paper from one measured case: the load of N real portals at the model's evening rate, times the
 * CPU and memory each frame and each portal cost in the benchmark.
 */
final class Sizing {
    /** Cores a host of the sizing has, and the share of them the steady evening load may use. */
    static final int HOST_CORES = 2;
    static final double LOAD = 0.5;

    private Sizing() {
    }

    static void table(FleetCase.Result r, int[] fleets, StringBuilder md) {
        double seconds = FleetReport.seconds(r);
        double realRate = r.frames() / seconds / r.options().portals() / r.options().model().speedUp();
        md.append(String.format("Measured: %.4f frames per real portal per second (%d-bridge case, divided by the "
                        + "speed-up), bridge %.0f µs, PostgreSQL %.0f µs, broker %.0f µs of CPU per frame, %.2f "
                        + "PostgreSQL commits per frame; bridge %s and broker %s of live heap per portal.%n%n",
                realRate, r.bridges(), FleetReport.perFrame(r.cpu().bridges(), r),
                FleetReport.perFrame(r.cpu().database(), r), FleetReport.perFrame(r.cpu().broker(), r),
                (double) r.commits() / r.frames(), FleetReport.kib(FleetReport.bridgeHeapPerPortal(r)),
                FleetReport.kib(FleetReport.brokerHeapPerPortal(r))));
        md.append("| portals | frames/s (evening) | bridge CPU | bridge hosts (2 cores, <= 50 %, +1 to lose) "
                + "| live heap per bridge | broker CPU | broker live heap | PostgreSQL CPU | PostgreSQL commits/s "
                + "| database host |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (int n : fleets) {
            double rate = n * realRate;
            double bridgeCores = rate * FleetReport.perFrame(r.cpu().bridges(), r) / 1e6;
            double brokerCores = rate * FleetReport.perFrame(r.cpu().broker(), r) / 1e6;
            double dbCores = rate * FleetReport.perFrame(r.cpu().database(), r) / 1e6;
            int bridgeHosts = Math.max(2, (int) Math.ceil(bridgeCores / (HOST_CORES * LOAD)) + 1);
            double bridgeHeap = idleHeap(r) + n * FleetReport.bridgeHeapPerPortal(r);
            double brokerHeap = r.brokerIdle().liveHeapBytes() + n * FleetReport.brokerHeapPerPortal(r);
            int dbCoresNeeded = Math.max(HOST_CORES, (int) Math.ceil(dbCores / LOAD));
            md.append(String.format("| %,d | %,.0f | %.2f cores | %d | %.0f MiB | %.2f cores | %.0f MiB | %.2f cores "
                            + "| %,.0f | %d cores |%n", n, rate, bridgeCores, bridgeHosts, bridgeHeap / 1048576,
                    brokerCores, brokerHeap / 1048576, dbCores, rate * r.commits() / r.frames(), dbCoresNeeded));
        }
    }

    private static double idleHeap(FleetCase.Result r) {
        return r.bridgeIdle().stream().mapToLong(JvmMemory::liveHeapBytes).average().orElse(0);
    }
}
