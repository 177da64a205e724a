package dev.portal.bridge.app;

import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.EndMark;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.portal.bridge.app.BridgeFlowTest.WAIT;
import static dev.portal.bridge.app.BridgeFlowTest.config;
import static dev.portal.bridge.app.BridgeRobustnessTest.birth;
import static dev.portal.bridge.app.BridgeRobustnessTest.frame;
import static dev.portal.bridge.app.BridgeRobustnessTest.placed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any string used to be a device: thousands of made-up ids got Rebirth commands, and every Birth of a made-up
 * portal got a row, state in memory and a retained document. Now a device id is the grammar of protocol/SPEC.md
 * on every topic, and what valid but unknown ids can make is bounded per minute (InputLimits' defaults).
 */
class MadeUpPortalsTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    @TempDir
    Path dir;


    @Test
    void anIdOutsideTheGrammarIsNoDeviceOnAnyTopic(Mosquitto broker) throws Exception {
        List<String> ids = List.of("a b", " sim-portal", "\u043f\u043e\u0440\u0442\u0430\u043b", "x".repeat(1_000),
                "q\"uote", "semi;colon", "emoji-\uD83D\uDC09", "\uFF10\uFF14", "x".repeat(65));
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector client = new Collector(broker.uri(), "portal/+/cmd")) {
            for (String id : ids) {
                client.publish("portal/" + id + "/evt", frame(7, 0, birth("sim-portal")));
                client.publish("portal/" + id + "/evt", frame(7, 1, placed(0, 1)));
                client.publish("portal/" + id + "/status", "{\"state\":\"online\",\"deviceId\":\"sim-portal\","
                        + "\"bootId\":\"00000007\"}");
            }
            EndMark.handled(bridge, client);
            // On purpose: the reorder window (200 ms) passes, after which a wrongly held frame would ask for a Rebirth.
            Thread.sleep(400);
            bridge.awaitIdle();
            assertEquals(3L * ids.size() + 1, bridge.counters().deadLetters(Refusal.BAD_TOPIC), bridge.counters().toJson()
                    .toString());
            assertEquals(0, bridge.counters().get(Counter.FRAMES_RECEIVED));
            assertTrue(bridge.store().inTransaction(tx -> tx.portals()).isEmpty());
            assertTrue(client.all().isEmpty(), "no command to any of them: " + client.all());
        }
    }

    @Test
    void rebirthRequestsAreLimitedForAllPortalsTogether(Mosquitto broker) throws Exception {
        int ids = 400;
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector client = new Collector(broker.uri(), "portal/+/cmd")) {
            for (int i = 0; i < ids; i++) {
                client.publish("portal/made-up-" + i + "/evt", frame(9, 3, placed(0, 1))); // a boot never announced
            }
            Await.until(() -> "every frame refused: " + bridge.counters().toJson(),
                    () -> bridge.counters().deadLetters(Refusal.UNANNOUNCED_BOOT) == ids, WAIT);
            bridge.awaitIdle();
            client.drain(Duration.ofMillis(300));
            int commands = client.all().size();
            assertEquals(bridge.counters().get(Counter.REBIRTH_REQUESTS), commands);
            assertTrue(commands <= 300 + 10, "at most 300 Rebirths a minute for all portals: " + commands);
        }
    }

    @Test
    void birthsOfPortalsNewToTheBridgeAreLimitedPerMinute(Mosquitto broker) throws Exception {
        int ids = 200;
        long started = System.nanoTime();
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector client = new Collector(broker.uri(), "game/portals/+")) {
            for (int i = 0; i < ids; i++) {
                client.publish("portal/made-up-" + i + "/evt", frame(10 + i, 0, birth("made-up-" + i)));
            }
            EndMark.handled(bridge, client);
            client.drain(Duration.ofMillis(300));
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
            long bound = 60 + seconds; // 60 at once, then one a second
            int portals = bridge.store().inTransaction(tx -> tx.portals()).size();
            assertTrue(portals <= bound, portals + " portals made in " + seconds + " s");
            assertTrue(client.all().stream().map(Collector.Received::topic).distinct().count() <= bound,
                    "retained documents of made-up portals are bounded the same");
            assertEquals(ids - portals, bridge.counters().deadLetters(Refusal.TOO_MANY_PORTALS));
        }
    }

    @Test
    void aPortalsRetainedDocumentChangesAtMostOnceASecond(Mosquitto broker) throws Exception {
        int heartbeats = 200;
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/portals/chatty");
             FramePortal portal = new FramePortal(broker.uri(), "chatty", 1, Clock.systemUTC())) {
            portal.start();
            long started = System.nanoTime();
            for (int uptime = 1; uptime <= heartbeats; uptime++) {
                portal.send(new Heartbeat(new HealthCounters(uptime, 2000, 0, 0, 0, 0, 0, 0, 0, 0)));
                long applied = uptime + 1; // with the Birth
                // each heartbeat in a batch of its own: nothing but the pacing gathers them into one document
                Await.until("heartbeat " + uptime + " applied", () -> bridge.counters().get(Counter.FRAMES_APPLIED)
                        >= applied, WAIT);
            }
            // the last heartbeat's figures reach the document, however many were gathered into it
            game.await(r -> r.json().at("/health/uptimeSeconds").asLong() == heartbeats, WAIT);
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
            game.drain(Duration.ofMillis(300));
            assertTrue(game.all().size() <= seconds + 2, game.all().size() + " documents in " + seconds + " s");
            assertTrue(bridge.store().inTransaction(tx -> tx.portal("chatty")).map(PortalState::online).orElse(false));
        }
    }
}
