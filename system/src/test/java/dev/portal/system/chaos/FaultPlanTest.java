package dev.portal.system.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many faults of each kind a plan holds, that they all strike before the quiet end of the run, and which
 * bridges each bridge kill takes.
 */
class FaultPlanTest {
    private static final Path DIR = Path.of("unused");

    private static long count(FaultPlan plan, FaultPlan.Kind kind) {
        return plan.faults().stream().filter(f -> f.kind() == kind).count();
    }

    @Test
    void onPostgresqlThreeMinutesHoldFiveDatabaseRestartsBesideTenOfEachOtherKind() {
        ChaosOptions options = ChaosOptions.defaults(Duration.ofMinutes(3), DIR)
                .withStore(ChaosOptions.Store.POSTGRESQL);
        FaultPlan plan = FaultPlan.of(options);
        assertEquals(5, count(plan, FaultPlan.Kind.DATABASE_RESTART));
        for (FaultPlan.Kind kind : new FaultPlan.Kind[] {FaultPlan.Kind.BROKER_RESTART, FaultPlan.Kind.PORTAL_KILL,
                FaultPlan.Kind.BRIDGE_KILL}) {
            assertEquals(10, count(plan, kind), kind.name());
        }
        assertTrue(plan.faults().stream().allMatch(f -> f.atMillis() < options.duration().toMillis() * 5 / 6));
    }

    @Test
    void aOneMinuteRunOnPostgresqlStillRestartsTheDatabase() {
        FaultPlan plan = FaultPlan.of(ChaosOptions.defaults(Duration.ofMinutes(1), DIR)
                .withStore(ChaosOptions.Store.POSTGRESQL));
        assertEquals(2, count(plan, FaultPlan.Kind.DATABASE_RESTART));
    }

    @Test
    void onSqliteThereIsNoDatabaseToRestart() {
        FaultPlan plan = FaultPlan.of(ChaosOptions.defaults(Duration.ofMinutes(3), DIR));
        assertEquals(0, count(plan, FaultPlan.Kind.DATABASE_RESTART));
        assertEquals(30, plan.faults().size());
    }

    @Test
    void oneBridgeIsKilledAloneEveryTime() {
        FaultPlan plan = FaultPlan.of(ChaosOptions.defaults(Duration.ofMinutes(3), DIR));
        assertTrue(plan.faults().stream().filter(f -> f.kind() == FaultPlan.Kind.BRIDGE_KILL)
                .allMatch(f -> f.bridges().equals(List.of(0))));
        assertTrue(plan.faults().stream().filter(f -> f.kind() != FaultPlan.Kind.BRIDGE_KILL)
                .allMatch(f -> f.bridges().isEmpty()));
    }

    @Test
    void threeBridgesAreKilledInTurnAndEveryThirdKillTakesTwo() {
        List<List<Integer>> kills = bridgeKills(ChaosOptions.defaults(Duration.ofMinutes(3), DIR)
                .withStore(ChaosOptions.Store.POSTGRESQL).withBridges(3));
        assertEquals(List.of(List.of(0), List.of(1, 2), List.of(0), List.of(1), List.of(2, 0), List.of(1),
                List.of(2), List.of(0, 1), List.of(2), List.of(0)), kills);
    }

    @Test
    void withTwoBridgesAOneMinuteRunKillsEachAloneAndBothAtOnce() {
        List<List<Integer>> kills = bridgeKills(ChaosOptions.defaults(Duration.ofMinutes(1), DIR)
                .withStore(ChaosOptions.Store.POSTGRESQL).withBridges(2));
        assertEquals(List.of(List.of(0), List.of(1, 0), List.of(1)), kills);
    }

    private static List<List<Integer>> bridgeKills(ChaosOptions options) {
        return FaultPlan.of(options).faults().stream().filter(f -> f.kind() == FaultPlan.Kind.BRIDGE_KILL)
                .map(FaultPlan.Fault::bridges).toList();
    }
}
