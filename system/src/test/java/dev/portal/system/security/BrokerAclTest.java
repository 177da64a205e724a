package dev.portal.system.security;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.system.support.Certificates;
import dev.portal.system.support.MqttProbe;
import dev.portal.system.support.PortalFrames;
import dev.portal.system.support.ShippedBroker;
import dev.portal.link.LinkException;
import dev.portal.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped Mosquitto configuration (scripts/mosquitto: mosquitto.conf, acl, add-device): a device's
 * credentials cannot publish on another device's topic (the bridge never sees it), cannot read another
 * device's commands or frames, and nobody gets in without credentials.
 */
class BrokerAclTest {

    @Test
    void aDeviceCanOnlyUseItsOwnTopics(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs")); // the shipped config has a TLS listener too
        List<String> users = List.of("dev-A", "dev-B", "portal-bridge", "game-server");
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), users);
             Bridge bridge = Bridge.start(BridgeConfig.defaults(broker.bridgeSettings("acl-bridge"),
                     dir.resolve("bridge")));
             MqttProbe a = broker.login("dev-A");
             MqttProbe b = broker.login("dev-B");
             MqttProbe host = broker.login("portal-bridge")) {
            assertThrows(LinkException.class, () -> MqttProbe.connect(broker.plainUri(), "anonymous"),
                    "no credentials, no entry");
            assertThrows(LinkException.class, () -> MqttProbe.connect(broker.plainUri(), "guesser", "dev-A",
                    "wrong", null), "a wrong password is refused");

            PortalFrames ownA = new PortalFrames("dev-A", 0xA0A0L);
            a.publishAndWait(ownA.evtTopic(), ownA.birth());
            // dev-A forges dev-B's Birth and a placement on dev-B's topic: the broker drops them.
            PortalFrames forged = new PortalFrames("dev-B", 0xBADL);
            a.publishAndWait(forged.evtTopic(), forged.birth());
            a.publishAndWait(forged.evtTopic(), forged.placed(0, 0, HexFormat.of().parseHex("04DEADBEEF0001")));
            a.publishAndWait("portal/dev-B/status", "{\"state\":\"offline\"}".getBytes());
            // A frame on its own topic after the forged ones: once the bridge has it, the others would have come.
            a.publishAndWait(ownA.evtTopic(), ownA.placed(0, 0, HexFormat.of().parseHex("04AAAA00000001")));
            Await.until(() -> "dev-A's two frames applied: " + bridge.counters().toJson(),
                    () -> bridge.counters().get(Counter.FRAMES_APPLIED) >= 2, Duration.ofSeconds(15));
            bridge.awaitIdle();
            assertEquals(2, bridge.counters().get(Counter.FRAMES_RECEIVED), "only dev-A's own frames reached the bridge: "
                    + bridge.counters().toJson());
            assertTrue(bridge.store().inTransaction(tx -> tx.portal("dev-B")).isEmpty(), "dev-B is unknown to the bridge");
            assertTrue(bridge.store().inTransaction(tx -> tx.placementOf("04DEADBEEF0001")).isEmpty());
            assertTrue(bridge.store().inTransaction(tx -> tx.placementOf("04AAAA00000001")).isPresent());

            // dev-A tries to read dev-B's commands and frames; dev-B reads its own commands.
            b.subscribe("portal/dev-B/cmd");
            try {
                a.subscribe("portal/dev-B/cmd");
                a.subscribe("portal/+/evt");
            } catch (LinkException refused) {
                // a broker may refuse the subscription outright; either way nothing may arrive
            }
            byte[] command = FrameCodec.encode(new Frame(Header.of(1, 0, System.currentTimeMillis(), true),
                    new Command(77, new Rebirth())));
            host.publishAndWait("portal/dev-B/cmd", command);
            PortalFrames realB = new PortalFrames("dev-B", 0xB0B0L);
            b.publishAndWait(realB.evtTopic(), realB.birth());
            assertTrue(b.await(r -> r.topic().equals("portal/dev-B/cmd"), Duration.ofSeconds(10)).isPresent(),
                    "dev-B gets its command");
            Thread.sleep(500); // on purpose: time for a leak to arrive; the check is that none does
            assertTrue(a.received().isEmpty(), "dev-A read nothing of dev-B's: " + a.received());
        }
    }
}
