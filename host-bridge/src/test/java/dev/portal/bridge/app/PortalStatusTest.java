package dev.portal.bridge.app;

import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.EndMark;
import dev.portal.bridge.testing.FramePortal;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * portal/{id}/status is what a portal (or its will) says about its current boot, in the form portal-device
 * writes it. Anything else used to count: junk statuses made retained documents for portals that never sent a
 * Birth, and a junk "offline" took a real portal offline.
 */
class PortalStatusTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    @TempDir
    Path dir;

    private static String status(String state, String device, String bootJson) {
        return "{\"state\":\"" + state + "\",\"deviceId\":\"" + device + "\",\"bootId\":" + bootJson + "}";
    }


    @Test
    void junkStatusesAndStatusesOfOtherBootsChangeNothing(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/deadletter");
             FramePortal portal = new FramePortal(broker.uri(), "real-1", 1, Clock.systemUTC())) {
            portal.start();
            Await.until("the portal's Birth applied", () -> bridge.store().inTransaction(tx -> tx.portal("real-1"))
                    .map(PortalState::firmware).isPresent(), WAIT);
            String boot = String.format("\"%08x\"", portal.bootId());
            String otherBoot = String.format("\"%08x\"", (portal.bootId() + 1) & 0xFFFF_FFFFL);
            List<String> malformed = List.of("offline", "{\"online\":false}", status("offline", "real-1", "\"zz\""),
                    status("offline", "real-1", "\"nothex!!\""), status("offline", "real-1", "12345"),
                    status("offline", "real-1", "null"), status("asleep", "real-1", boot),
                    status("offline", "someone-else", boot), "{\"state\":\"offline\",\"deviceId\":\"real-1\"}",
                    status("offline", "real-1", boot) + "{}", status("offline", "real-1", boot) + " trailing");
            for (String junk : malformed) {
                game.publish("portal/real-1/status", junk);
            }
            game.publish("portal/real-1/status", status("offline", "real-1", otherBoot)); // a late will
            for (int i = 0; i < 20; i++) {
                game.publish("portal/ghost-" + i + "/status", status("online", "ghost-" + i, "\"0000000" + i % 10 + "\""));
                game.publish("portal/ghost-" + i + "/status", "offline");
            }
            EndMark.handled(bridge, game);

            assertTrue(bridge.store().inTransaction(tx -> tx.portal("real-1")).orElseThrow().online(),
                    "no junk status took the real portal offline");
            assertEquals(List.of("real-1"), bridge.store().inTransaction(tx -> tx.portals()).stream()
                    .map(PortalState::deviceId).toList(), "statuses make no portals");
            assertEquals(malformed.size() + 20, bridge.counters().deadLetters(Refusal.BAD_STATUS),
                    bridge.counters().toJson().toString());
        }
        try (Collector retained = new Collector(broker.uri(), "game/portals/+")) {
            retained.await(r -> r.topic().equals("game/portals/real-1"), WAIT);
            retained.drain(Duration.ofMillis(300));
            assertEquals(List.of("game/portals/real-1"), retained.all().stream().map(Collector.Received::topic)
                    .distinct().toList(), "no retained document for a portal that never sent a Birth");
        }
    }

    @Test
    void theCurrentBootsOwnStatusIsFollowed(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/deadletter");
             FramePortal portal = new FramePortal(broker.uri(), "real-2", 1, Clock.systemUTC())) {
            portal.start();
            Await.until("the portal's Birth applied", () -> bridge.store().inTransaction(tx -> tx.portal("real-2"))
                    .map(PortalState::firmware).isPresent(), WAIT);
            String boot = String.format("\"%08X\"", portal.bootId());
            game.publish("portal/real-2/status", status("offline", "real-2", boot));
            EndMark.handled(bridge, game);
            assertFalse(bridge.store().inTransaction(tx -> tx.portal("real-2")).orElseThrow().online());
            game.publish("portal/real-2/status", status("online", "real-2", boot));
            EndMark.handled(bridge, game);
            assertTrue(bridge.store().inTransaction(tx -> tx.portal("real-2")).orElseThrow().online());
            assertEquals(0, bridge.counters().deadLetters(Refusal.BAD_STATUS));
        }
    }
}
