package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static dev.portal.bridge.app.BridgeFlowTest.WAIT;
import static dev.portal.bridge.app.BridgeFlowTest.blaze;
import static dev.portal.bridge.app.BridgeFlowTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restarts of the bridge and of portals, and late wills. */
class BridgeLifecycleTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    @TempDir
    Path dir;

    @Test
    void framesSentWhileTheBridgeIsDownAreAppliedWhenItComesBack(Mosquitto broker) throws Exception {
        // as scripts/bridge runs against an external broker: a stable client id and a persistent session
        BridgeConfig durable = BridgeConfig.defaults(
                BrokerSettings.plain(broker.uri(), "bridge-durable").withCleanSession(false), dir).withToyKey(SimTag.KEY);
        try (Collector game = new Collector(broker.uri(), "game/events");
             FramePortal portal = new FramePortal(broker.uri(), "porch", 1, Clock.systemUTC())) {
            try (Bridge bridge = Bridge.start(durable)) {
                portal.start();
                portal.place(0, 0, SimTag.toy("04DD000000000A", blaze(70)));
                game.await("game/events", "recognised", WAIT);
            }
            portal.lift(0, 0); // nobody is listening
            try (Bridge again = Bridge.start(durable)) {
                JsonNode removed = game.await("game/events", "removed", WAIT).json();
                assertEquals("04DD000000000A", removed.get("uid").asText());
                again.awaitIdle();
                assertTrue(again.store().inTransaction(tx -> tx.sessions("04DD000000000A")).getFirst().durationMillis()
                        != null, "the play session is closed");
                game.drain(Duration.ofMillis(300));
                assertEquals(0, again.counters().get(Counter.EVENTS_RESENT), "the first run's events were all confirmed");
            }
            List<String> ids = new ArrayList<>();
            for (Collector.Received r : game.all()) {
                ids.add(r.json().get("eventId").asText());
            }
            assertEquals(3, ids.size(), "placed, recognised and removed, each once: " + ids);
            assertEquals(3, new HashSet<>(ids).size(), "every event has its own id: " + ids);
            assertTrue(ids.stream().allMatch(id -> id.startsWith("porch/")), ids.toString());
        }
    }

    @Test
    void eventsAKilledRunLeftUnconfirmedReachTheGameFirstWhenTheBridgeStarts(Mosquitto broker) throws Exception {
        BridgeConfig durable = BridgeConfig.defaults(
                BrokerSettings.plain(broker.uri(), "bridge-leftovers").withCleanSession(false), dir).withToyKey(SimTag.KEY);
        // What a run killed between its commit and the broker's PUBACK leaves behind, with another bridge's.
        try (JdbcStore store = JdbcStore.openSqlite(dir.resolve("bridge.db"), Clock.systemUTC())) {
            store.inTransaction(tx -> {
                tx.addToOutbox("bridge-leftovers", leftover(7, "attic/9/1#placed", "placed"));
                tx.addToOutbox("bridge-leftovers", leftover(8, "attic/9/1#removed", "removed"));
                tx.addToOutbox("another-bridge", leftover(0, "cellar/3/1#placed", "placed"));
                return null;
            });
        }
        try (Collector game = new Collector(broker.uri(), "game/events");
             Bridge bridge = Bridge.start(durable)) {
            game.await("game/events", "attic/9/1#removed", WAIT);
            List<String> ids = new ArrayList<>();
            for (Collector.Received r : game.all()) {
                ids.add(r.json().get("eventId").asText());
            }
            assertEquals(List.of("attic/9/1#placed", "attic/9/1#removed"), ids, "in order, only its own");
            Await.until("confirmed events to leave the outbox",
                    () -> bridge.store().inTransaction(tx -> tx.outbox("bridge-leftovers")).isEmpty(), WAIT);
            assertEquals(1, bridge.store().inTransaction(tx -> tx.outbox("another-bridge")).size());
        }
    }

    private static OutboxEvent leftover(long position, String eventId, String type) {
        GameEvent event = new GameEvent(eventId, type, "attic", 0, 1, "04AA000000000C", 1_000, Map.of(), null);
        return new OutboxEvent(position, eventId, GameJson.text(GameJson.event(event)));
    }

    @Test
    void aPortalThatRestartsHasItsOldPlacementsClosed(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/events")) {
            try (FramePortal before = new FramePortal(broker.uri(), "garage", 1, Clock.systemUTC())) {
                before.start();
                before.place(0, 1, SimTag.toy("04EE000000000B", blaze(70)));
                game.await("game/events", "recognised", WAIT);
            }
            try (FramePortal after = new FramePortal(broker.uri(), "garage", 1, Clock.systemUTC())) {
                after.start(); // a new boot: it no longer knows about the toy
                JsonNode removed = game.await("game/events", "removed", WAIT).json();
                assertEquals("portal-restarted", removed.get("reason").asText());
                bridge.awaitIdle();
                assertTrue(bridge.store().inTransaction(tx -> tx.placements("garage")).isEmpty());
            }
        }
    }

    @Test
    void aLateWillFromAnEarlierBootDoesNotTakeThePortalOffline(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/portals/attic");
             FramePortal portal = new FramePortal(broker.uri(), "attic", 1, Clock.systemUTC())) {
            portal.start();
            game.await(r -> r.text().contains("\"firmware\""), WAIT);
            String stale = String.format("%08x", (portal.bootId() + 1) & 0xFFFF_FFFFL);
            long statuses = bridge.counters().get(Counter.STATUS_RECEIVED);
            broker.publish("portal/attic/status",
                    ("{\"state\":\"offline\",\"deviceId\":\"attic\",\"bootId\":\"" + stale + "\"}")
                            .getBytes(StandardCharsets.UTF_8), true);
            Await.until("the bridge to receive the late will", () -> bridge.counters().get(Counter.STATUS_RECEIVED) > statuses,
                    WAIT);
            bridge.awaitIdle();
            assertTrue(bridge.store().inTransaction(tx -> tx.portal("attic")).orElseThrow().online());
            String current = String.format("%08x", portal.bootId());
            broker.publish("portal/attic/status",
                    ("{\"state\":\"offline\",\"deviceId\":\"attic\",\"bootId\":\"" + current + "\"}")
                            .getBytes(StandardCharsets.UTF_8), true);
            JsonNode offline = GameJson.MAPPER.readTree(game.await(r -> r.text().contains("\"online\":false"),
                    Duration.ofSeconds(10)).payload());
            assertFalse(offline.get("online").asBoolean());
        }
    }
}
