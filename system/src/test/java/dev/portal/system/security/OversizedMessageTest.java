package dev.portal.system.security;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.system.support.Certificates;
import dev.portal.system.support.MqttProbe;
import dev.portal.system.support.PortalFrames;
import dev.portal.system.support.ShippedBroker;
import dev.portal.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped Mosquitto configuration refuses a packet far larger than anything the fleet sends
 * (max_packet_size): the client that sends it is disconnected and the message is neither kept nor forwarded,
 * so a device's credentials cannot make the broker, and then the bridge, buffer megabytes.
 */
class OversizedMessageTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aHugeMessageFromADeviceNeverReachesTheBridge(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs")); // the shipped config has a TLS listener too
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), List.of("dev-big", "dev-ok", "portal-bridge"));
             Bridge bridge = Bridge.start(BridgeConfig.defaults(broker.bridgeSettings("big-bridge"), dir.resolve("bridge")));
             MqttProbe big = broker.login("dev-big");
             MqttProbe ok = broker.login("dev-ok")) {
            PortalFrames bigFrames = new PortalFrames("dev-big", 0xB16L);
            big.publishAndWait(bigFrames.evtTopic(), bigFrames.birth());

            big.publish(bigFrames.evtTopic(), new byte[1024 * 1024]);
            Await.until("the broker to disconnect the device that sent 1 MiB", () -> !big.isConnected(), WAIT);
            // A frame of another device after it: once the bridge has that one, the huge one would have come first.
            PortalFrames okFrames = new PortalFrames("dev-ok", 0x0CL);
            ok.publishAndWait(okFrames.evtTopic(), okFrames.birth());
            Await.until(() -> "both Births applied: " + bridge.counters().toJson(),
                    () -> bridge.counters().get(Counter.FRAMES_APPLIED) >= 2, WAIT);
            bridge.awaitIdle();
            assertEquals(2, bridge.counters().get(Counter.FRAMES_RECEIVED), bridge.counters().toJson().toString());
            assertEquals(0, bridge.counters().totalDeadLetters(), bridge.counters().toJson().toString());
        }
    }
}
