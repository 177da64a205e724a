package dev.portal.system.security;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.protocol.id.Uid;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.system.process.SystemBroker;
import dev.portal.system.support.MqttProbe;
import dev.portal.system.support.PortalFrames;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Even on a broker without ACLs the bridge does not let one portal speak for another: a Birth naming another
 * device is refused, and frames of a boot that announced itself as portal A are refused on portal B's topic.
 * Portal B's toys and state stay as B reported them.
 */
class TopicMismatchTest {

    @Test
    void aPortalCannotPublishAsAnother(@TempDir Path dir) throws Exception {
        try (Mosquitto broker = SystemBroker.start(dir.resolve("broker"));
             Bridge bridge = Bridge.start(BridgeConfig.defaults(BrokerSettings.plain(broker.uri(), "mismatch-bridge"),
                     dir.resolve("bridge")));
             MqttProbe net = MqttProbe.connect(broker.uri(), "shared-network");
             MqttProbe deadLetters = MqttProbe.connect(broker.uri(), "auditor")) {
            deadLetters.subscribe("game/deadletter");
            byte[] toyOfB = HexFormat.of().parseHex("04B0B0B0B0B001");
            PortalFrames b = new PortalFrames("portal-B", 0xB0B0L);
            net.publishAndWait(b.evtTopic(), b.birth());
            net.publishAndWait(b.evtTopic(), b.placed(0, 0, toyOfB));

            PortalFrames a = new PortalFrames("portal-A", 0xA0A0L);
            net.publishAndWait(a.evtTopic(), a.birth());
            // A's Birth on B's topic, then A's frames (removing B's toy, placing another) on B's topic.
            net.publishAndWait(b.evtTopic(), a.birth());
            net.publishAndWait(b.evtTopic(), a.next(new dev.portal.protocol.frame.TagRemoved(0, 0, Uid.of(toyOfB), 10)));
            net.publishAndWait(b.evtTopic(), a.placed(1, 1, HexFormat.of().parseHex("04A0A0A0A0A001")));

            assertTrue(deadLetters.await(r -> r.text().contains("device-mismatch"), Duration.ofSeconds(10)).isPresent(),
                    "A's Birth on B's topic is a dead letter");
            Await.until(() -> "two unannounced-boot dead letters: " + bridge.counters().toJson(),
                    () -> bridge.counters().deadLetters(Refusal.UNANNOUNCED_BOOT) >= 2, Duration.ofSeconds(10));
            bridge.awaitIdle();
            assertEquals(1, bridge.counters().deadLetters(Refusal.DEVICE_MISMATCH), bridge.counters().toJson().toString());
            assertEquals(2, bridge.counters().deadLetters(Refusal.UNANNOUNCED_BOOT), bridge.counters().toJson().toString());
            var placement = bridge.store().inTransaction(tx -> tx.placementOf("04B0B0B0B0B001"));
            assertTrue(placement.isPresent(), "B's toy is still on B");
            assertEquals("portal-B", placement.get().deviceId());
            assertTrue(bridge.store().inTransaction(tx -> tx.placementOf("04A0A0A0A0A001")).isEmpty());
            assertEquals(0xB0B0L, bridge.store().inTransaction(tx -> tx.portal("portal-B")).orElseThrow().bootId());
        }
    }
}
