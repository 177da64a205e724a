package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.EmbeddedBridge;
import dev.portal.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.portal.bridge.app.BridgeFlowTest.blaze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A portal that restarts (power cut, crash, update) forgets its tags and announces those still on it. For the
 * game nothing happened to a toy that stayed: no removed/placed pair, the same play session. A toy that went
 * while the portal was down is removed (reason portal-restarted) once the new boot's grace period is over.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PortalRestartTest {
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Bridge start() throws Exception {
        return Bridge.start(EmbeddedBridge.config(dir, "restart-bridge").withRestartGrace(GRACE));
    }

    /** A first boot of the portal has the toy on the pad (the game hears it), then stops: a crash, as seen. */
    private static void firstBootHolds(Bridge bridge, Collector game, String device, int pads, int pad, int slot,
                                       String uid, int xp) throws Exception {
        try (FramePortal before = new FramePortal(bridge.serverUri(), device, pads, Clock.systemUTC())) {
            before.start();
            before.place(pad, slot, SimTag.toy(uid, blaze(xp)));
            game.await("game/events", "\"recognised\"", WAIT);
        }
    }

    private static List<String> eventTypes(Collector game) {
        return game.all().stream().filter(r -> r.topic().equals("game/events"))
                .map(r -> r.json().get("event").asText()).toList();
    }

    @Test
    void aToyThatStaysThroughARestartKeepsItsSessionAndTheGameSeesNothing() throws Exception {
        try (Bridge bridge = start(); Collector game = new Collector(bridge.serverUri(), "game/events")) {
            firstBootHolds(bridge, game, "den", 2, 1, 3, "04DD000000000A", 40);
            bridge.awaitIdle();
            Placement first = bridge.store().inTransaction(tx -> tx.placementOf("04DD000000000A")).orElseThrow();
            int eventsBefore = eventTypes(game).size();

            try (FramePortal after = new FramePortal(bridge.serverUri(), "den", 2, Clock.systemUTC())) {
                after.start(); // a new boot, which finds the toy still there, on another slot of the same pad
                after.place(1, 0, SimTag.toy("04DD000000000A", blaze(40)));
                // On purpose: three restart graces pass, after any of which a wrong removal would have been made.
                Thread.sleep(GRACE.toMillis() * 3);
                bridge.awaitIdle();

                List<String> during = eventTypes(game).subList(eventsBefore, eventTypes(game).size());
                assertTrue(during.stream().noneMatch(t -> t.equals("removed") || t.equals("placed")),
                        "no removed/placed pair for a toy that never moved: " + during);
                Placement now = bridge.store().inTransaction(tx -> tx.placementOf("04DD000000000A")).orElseThrow();
                assertEquals(first.sessionId(), now.sessionId(), "the same play session goes on");
                assertEquals(0, now.slot(), "at the slot the new boot gave it");
                assertEquals(after.bootId(), now.bootId());

                after.lift(1, 0);
                JsonNode removed = game.await("game/events", "\"removed\"", WAIT).json();
                assertEquals("lifted", removed.get("reason").asText());
                assertEquals(first.sessionId(), removed.get("session").get("sessionId").asText());
            }
            bridge.awaitIdle();
            List<PlaySession> sessions = bridge.store().inTransaction(tx -> tx.sessions("04DD000000000A"));
            assertEquals(1, sessions.size(), "one play session across the restart: " + sessions);
        }
    }

    @Test
    void aToyPutBackAfterTheRestartedPortalsFirstLookIsANewPlacement() throws Exception {
        try (Bridge bridge = start(); Collector game = new Collector(bridge.serverUri(), "game/events")) {
            firstBootHolds(bridge, game, "loft", 1, 0, 4, "04FF000000000C", 10);
            Placement first = bridge.store().inTransaction(tx -> tx.placementOf("04FF000000000C")).orElseThrow();
            try (FramePortal after = new FramePortal(bridge.serverUri(), "loft", 1, Clock.systemUTC())) {
                after.start(); // its first look finds the pad empty: the toy was lifted just before the crash
                Thread.sleep(GRACE.toMillis() * 2); // on purpose: the toy comes back only after the grace
                after.place(0, 4, SimTag.toy("04FF000000000C", blaze(10)));
                JsonNode removed = game.await("game/events", "\"removed\"", WAIT).json();
                assertEquals("portal-restarted", removed.get("reason").asText());
                Await.until(() -> "a second placed event: " + eventTypes(game),
                        () -> eventTypes(game).stream().filter("placed"::equals).count() >= 2, WAIT);
                bridge.awaitIdle();
                Placement now = bridge.store().inTransaction(tx -> tx.placementOf("04FF000000000C")).orElseThrow();
                assertTrue(!now.sessionId().equals(first.sessionId()), "a new play session");
            }
        }
    }

    @Test
    void aToyThatWentWhileThePortalWasDownIsRemovedAfterTheGracePeriod() throws Exception {
        try (Bridge bridge = start(); Collector game = new Collector(bridge.serverUri(), "game/events")) {
            firstBootHolds(bridge, game, "attic", 1, 0, 1, "04EE000000000B", 70);
            try (FramePortal after = new FramePortal(bridge.serverUri(), "attic", 1, Clock.systemUTC())) {
                long bornAt = System.nanoTime();
                after.start(); // a new boot: the toy is gone
                JsonNode removed = game.await("game/events", "\"removed\"", WAIT).json();
                assertEquals("portal-restarted", removed.get("reason").asText());
                assertTrue(System.nanoTime() - bornAt >= GRACE.toNanos() / 2,
                        "closed after the grace period, not at the Birth");
                bridge.awaitIdle();
                assertTrue(bridge.store().inTransaction(tx -> tx.placements("attic")).isEmpty());
                assertNull(bridge.store().inTransaction(tx -> tx.placementOf("04EE000000000B")).orElse(null));
            }
        }
    }
}
