package dev.portal.bridge.store;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.testing.EmbeddedBridge;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** `scripts/bridge --store jdbc:postgresql://...`: the whole bridge keeps its state on a PostgreSQL server. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BridgeOnPostgresTest {
    @TempDir
    Path dir;

    @Test
    void aPlacementSeenByTheBridgeLandsInPostgresqlAndNotInSqlite() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            String url = postgres.newDatabase();
            BridgeConfig config = EmbeddedBridge.config(dir, "pg-bridge")
                    .withStore(new BridgeConfig.StoreUrl(url, Optional.of(ThrowawayPostgres.USER),
                            Optional.of(postgres.password())));
            try (Bridge bridge = Bridge.start(config);
                 FramePortal portal = new FramePortal(bridge.serverUri(), "pg-portal", 1, Clock.systemUTC())) {
                portal.start();
                portal.place(0, 2, SimTag.blank("04AA55AA55AA01"));
                awaitPlacement(bridge.store(), Duration.ofSeconds(30));
            }
            try (JdbcStore reopened = JdbcStore.open(url, ThrowawayPostgres.USER, postgres.password(),
                    Clock.systemUTC())) {
                List<Placement> placements = reopened.inTransaction(tx -> tx.placements("pg-portal"));
                assertEquals(1, placements.size(), "the placement outlives the bridge: " + placements);
                assertEquals("04AA55AA55AA01", placements.getFirst().uid());
                assertEquals(2, placements.getFirst().slot());
            }
            assertFalse(Files.exists(dir.resolve("bridge.db")), "no SQLite file when a store URL is given");
        }
    }

    private static void awaitPlacement(Store store, Duration timeout) {
        Await.until("the placement to reach PostgreSQL", () -> !store.inTransaction(tx -> tx.placements("pg-portal")).isEmpty(),
                timeout);
    }
}
