package dev.portal.system.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How many faults of each kind a plan holds, and that they all strike before the quiet end of the run. */
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
}
