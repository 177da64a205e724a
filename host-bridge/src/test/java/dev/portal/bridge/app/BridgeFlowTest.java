package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.MosquittoSub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BridgeFlowTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    static BridgeConfig config(String uri, Path dataDir) {
        return BridgeConfig.defaults(BrokerSettings.plain(uri, "bridge-" + System.nanoTime()), dataDir).withToyKey(SimTag.KEY)
                .withTimings(Duration.ofMillis(200), Duration.ofSeconds(3));
    }

    static ToyRecord blaze(long xp) {
        return new ToyRecord(12, 1, new CoCreation("Blaze", new Colours(0xFF4400, 0x222222, 0xFFFFFF),
                Upgrades.of(2), xp, 1));
    }

    static JsonNode json(Collector.Received r) throws Exception {
        return r.json();
    }

    @Test
    void aToyPlacedAndLiftedBecomesEventsARetainedProfileAndAPlaySession(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/#");
             MosquittoSub independent = MosquittoSub.subscribe(broker, "game/events");
             FramePortal portal = new FramePortal(broker.uri(), "kitchen", 2, Clock.systemUTC())) {
            portal.start();
            JsonNode online = json(game.await(r -> r.topic().equals("game/portals/kitchen")
                    && r.text().contains("sim-1.0.0"), WAIT));
            assertTrue(online.get("online").asBoolean());
            assertEquals(2, online.get("pads").size());

            portal.place(1, 0, SimTag.toy("04A1B2C3D4E5F6", blaze(150)));
            JsonNode placed = json(game.await("game/events", "\"placed\"", WAIT));
            assertEquals("04A1B2C3D4E5F6", placed.get("uid").asText());
            assertEquals(1, placed.get("pad").asInt());
            JsonNode recognised = json(game.await("game/events", "\"recognised\"", WAIT));
            assertEquals("Blaze", recognised.at("/profile/name").asText());
            assertEquals(150, recognised.at("/profile/xp").asLong());
            assertEquals("#FF4400", recognised.at("/profile/colours/primary").asText());
            assertTrue(independent.await(m -> m.text().contains("recognised"), WAIT).text().startsWith("{"));

            Thread.sleep(50); // on purpose: the toy stays a measurable time, and the session's duration says so
            portal.lift(1, 0);
            JsonNode removed = json(game.await("game/events", "\"removed\"", WAIT));
            assertEquals("lifted", removed.get("reason").asText());
            assertTrue(removed.at("/session/durationMillis").asLong() >= 50);
            JsonNode toy = json(game.await(r -> r.topic().equals("game/toys/04A1B2C3D4E5F6")
                    && r.text().contains("\"onPortal\":null"), WAIT));
            assertEquals(1, toy.at("/play/sessions").asInt());
            assertTrue(toy.at("/play/totalMillis").asLong() >= 50);

            bridge.awaitIdle();
            List<PlaySession> sessions = bridge.store().inTransaction(tx -> tx.sessions("04A1B2C3D4E5F6"));
            assertEquals(1, sessions.size());
            assertEquals("kitchen", sessions.getFirst().deviceId());
            assertTrue(sessions.getFirst().durationMillis() >= 50);
        }
    }

    @Test
    void duplicatesAreDroppedAndARestartedBridgeLosesNothingAndRepeatsNothing(Mosquitto broker) throws Exception {
        byte[] placedFrame;
        try (Collector game = new Collector(broker.uri(), "game/events");
             FramePortal portal = new FramePortal(broker.uri(), "hall", 1, Clock.systemUTC())) {
            try (Bridge bridge = Bridge.start(config(broker.uri(), dir))) {
                portal.start();
                placedFrame = portal.send(new dev.portal.protocol.frame.TagPlaced(0, 0,
                        Uid.parse("01020304"), dev.portal.protocol.frame.TagType.NTAG213));
                game.await("game/events", "01020304", WAIT);
                portal.sendRaw(placedFrame);
                portal.sendRaw(placedFrame);
                Await.until("the bridge to drop both duplicates",
                        () -> bridge.counters().get(Counter.DUPLICATES_DROPPED) >= 2, WAIT);
                bridge.awaitIdle();
                assertEquals(2, bridge.counters().get(Counter.DUPLICATES_DROPPED));
            }
            // The bridge is down while the same frame arrives again, then comes back with the same database.
            try (Bridge again = Bridge.start(config(broker.uri(), dir))) {
                portal.sendRaw(placedFrame);
                portal.send(new dev.portal.protocol.frame.TagRemoved(0, 0, Uid.parse("01020304"), 500));
                JsonNode removed = json(game.await("game/events", "\"removed\"", WAIT));
                assertEquals("01020304", removed.get("uid").asText());
                again.awaitIdle();
                assertEquals(1, again.counters().get(Counter.DUPLICATES_DROPPED));
                assertEquals(1, again.store().inTransaction(tx -> tx.sessions("01020304")).size());
                long placedEvents = game.all().stream().filter(r -> r.text().contains("\"placed\"")).count();
                assertEquals(1, placedEvents, "the replayed placement is not announced twice");
            }
        }
    }
}
