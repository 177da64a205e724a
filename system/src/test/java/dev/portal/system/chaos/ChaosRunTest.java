package dev.portal.system.chaos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chaos run of scripts/chaos, shortened: one minute of play with the shipped bridge, every fault kind at
 * least once (a broker restart, a kill -9 of a portal and of the bridge, a 10 s partition, flaky RF; with the
 * state on PostgreSQL also database restarts), then the bridge's records must match what the players did:
 * nothing lost, duplicated or falsely removed; and a game server on game/events must have heard of every play
 * session's start and end.
 */
class ChaosRunTest {

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void nothingIsLostUnderFaults() throws Exception {
        runAndCheck(ChaosOptions.Store.SQLITE, options -> options);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void nothingIsLostUnderFaultsAndDatabaseRestartsWithTwoBridgesOnPostgresql() throws Exception {
        // Two bridges in one share group on the embedded HiveMQ CE broker, killed one at a time and both at once.
        // (On Mosquitto the same run still loses frames around broker restarts: host-bridge/README.md.)
        ChaosRun run = runAndCheck(ChaosOptions.Store.POSTGRESQL,
                options -> options.withBridges(2).withBroker(ChaosOptions.Broker.HIVEMQ));
        assertTrue(run.databaseRestarts() >= 1, "the database was restarted at least once");
    }

    private static ChaosRun runAndCheck(ChaosOptions.Store store, java.util.function.UnaryOperator<ChaosOptions> more)
            throws Exception {
        // Kept after the run (logs of the bridge, the broker, each portal and PostgreSQL) for whoever has to
        // explain a failure.
        Path dir = Path.of("target", "chaos-run-" + store.label());
        deleteRecursively(dir);
        ChaosOptions options = more.apply(ChaosOptions.defaults(Duration.ofSeconds(60), dir).withPortals(3, 40)
                .withStore(store));
        assertTrue(options.faultCount() >= 1, "every fault kind at least once");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ChaosRun run = new ChaosRun(options, new PrintStream(text, true, StandardCharsets.UTF_8));
        Verdict.Summary summary = run.run();
        String printed = text.toString(StandardCharsets.UTF_8);
        System.err.println(printed);
        assertTrue(summary.made() > 3000, "the players were busy: " + printed);
        assertEquals(summary.made(), summary.delivered(), printed);
        assertEquals(0, summary.lost(), printed);
        assertEquals(0, summary.duplicated(), printed);
        assertEquals(0, summary.falseRemovals(), printed);
        assertEquals(0, summary.stateMismatches(), printed);
        assertTrue(run.gameEvents().expected() > 3000, printed);
        assertEquals(0, run.gameEvents().missing(), "every event reached the game server: " + printed);
        assertTrue(run.passed(summary), printed);
        assertTrue(printed.contains("chaos: PASS"), printed);
        return run;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }
}
