package dev.portal.system.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * When each fault strikes: kills and restarts spread over the run in a seeded order, plus one partition. With the
 * state on PostgreSQL the database restarts join the same sequence (on SQLite the plan is what it always was).
 * With several bridges the bridge kills take them in turn, one at a time, except every third kill (the 2nd, 5th,
 * 8th...), which takes two at once: the next two in turn, so with two bridges both (none left serving).
 */
public record FaultPlan(List<Fault> faults, long partitionAtMillis, int partitionedPortal) {

    public enum Kind { BROKER_RESTART, PORTAL_KILL, BRIDGE_KILL, DATABASE_RESTART }

    /**
     * @param portal  the portal to kill (PORTAL_KILL only), else -1
     * @param bridges the bridges to kill at once (BRIDGE_KILL only, numbered from 0), else empty
     */
    public record Fault(long atMillis, Kind kind, int portal, List<Integer> bridges) {
        public Fault {
            bridges = List.copyOf(bridges);
        }
    }

    public static FaultPlan of(ChaosOptions o) {
        Random random = new Random(o.seed() ^ 0x5EEDL);
        int n = o.faultCount();
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kinds.addAll(List.of(Kind.BROKER_RESTART, Kind.PORTAL_KILL, Kind.BRIDGE_KILL));
        }
        for (int i = 0; i < o.databaseRestarts(); i++) {
            kinds.add(Kind.DATABASE_RESTART);
        }
        Collections.shuffle(kinds, random);
        long run = o.duration().toMillis();
        long start = run / 12;
        long span = run * 5 / 6 - start; // the last sixth is quiet, before the drain
        List<Fault> faults = new ArrayList<>();
        int portal = 0;
        int bridgeKill = 0;
        for (int i = 0; i < kinds.size(); i++) {
            long at = start + span * i / kinds.size();
            Kind k = kinds.get(i);
            faults.add(new Fault(at, k, k == Kind.PORTAL_KILL ? portal++ % o.portals() : -1,
                    k == Kind.BRIDGE_KILL ? bridgesOfKill(bridgeKill++, o.bridges()) : List.of()));
        }
        faults.sort(Comparator.comparingLong(Fault::atMillis));
        return new FaultPlan(List.copyOf(faults), run / 4, o.portals() - 1);
    }

    /**
     * The bridges the bridge kill number {@code kill} (from 0) takes out of {@code bridges}: the next in turn, or
     * with several bridges on every third kill (1, 4, 7...) the next two in turn.
     */
    static List<Integer> bridgesOfKill(int kill, int bridges) {
        if (bridges == 1) {
            return List.of(0);
        }
        int first = kill + (kill + 1) / 3; // each earlier pair took one bridge more
        return kill % 3 == 1 ? List.of(first % bridges, (first + 1) % bridges) : List.of(first % bridges);
    }
}
