package dev.portal.system.hostile;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.link.PortalTopics;
import dev.portal.link.Topic;
import dev.portal.bridge.state.Placement;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile messages ({@code -Dportal.hostile.messages}, 10,000 unless given) through a real Mosquitto at a real
 * bridge: random bytes, mutated frames with and
 * without a fixed check, truncated and oversized frames, frames on the topic of devices that never announced
 * themselves, and bad update requests. The bridge must count every invalid one as a dead letter, let the valid
 * ones through, and still serve a real placement correctly afterwards.
 */
class HostileInputTest {
    private static final int MESSAGES = HostileTraffic.messages();

    @Test
    void bridgeCountsEveryInvalidMessageAndStillServesPlacements(@TempDir Path dir) throws Exception {
        try (Mosquitto broker = SystemBroker.start(dir.resolve("broker"));
             Bridge bridge = Bridge.start(BridgeConfig.defaults(BrokerSettings.plain(broker.uri(), "hostile-bridge"),
                     dir.resolve("bridge")));
             MqttProbe attacker = MqttProbe.connect(broker.uri(), "attacker");
             MqttProbe game = MqttProbe.connect(broker.uri(), "game-server")) {
            game.subscribe("game/events");
            PortalFrames victim = new PortalFrames("victim", 0x1234_5678L);
            attacker.publishAndWait(victim.evtTopic(), victim.birth());
            List<byte[]> samples = victim.samples(HexFormat.of().parseHex("04C0FFEE000001"));
            for (byte[] s : samples) {
                attacker.publish(victim.evtTopic(), s);
            }
            List<HostileTraffic.Message> flood = new HostileTraffic(7, "victim", victim.bootId(), samples)
                    .generate(MESSAGES);
            long invalid = flood.stream().filter(HostileTraffic.Message::invalid).count();
            Map<String, Long> byKind = new TreeMap<>();
            long started = System.nanoTime();
            for (HostileTraffic.Message m : flood) {
                byKind.merge(m.kind() + (m.invalid() ? "" : " (valid)"), 1L, Long::sum);
                attacker.publish(m.topic(), m.payload());
            }
            attacker.flush(Duration.ofSeconds(60));
            long published = System.nanoTime();
            long frames = flood.stream().filter(m -> PortalTopics.parse(Topic.of(m.topic()))
                    .filter(t -> t.kind() == PortalTopics.Kind.EVENTS).isPresent()).count() + samples.size() + 1;
            long updates = flood.size() - (frames - samples.size() - 1);
            Await.until(() -> "the bridge to receive " + frames + " frames, " + updates + " updates and " + invalid
                    + " dead letters: " + bridge.counters().toJson(), () -> bridge.counters().get(Counter.FRAMES_RECEIVED) >= frames
                    && bridge.counters().get(Counter.UPDATES_RECEIVED) >= updates
                    && bridge.counters().totalDeadLetters() >= invalid, Duration.ofSeconds(90));
            Thread.sleep(1500); // on purpose: frames held for a reorder window are judged after it
            bridge.awaitIdle();
            String report = "published in " + (published - started) / 1_000_000 + " ms, judged after "
                    + (System.nanoTime() - published) / 1_000_000 + " ms; sent " + byKind + ", bridge counters " + bridge.counters().toJson();
            assertEquals(frames, bridge.counters().get(Counter.FRAMES_RECEIVED), report);
            assertEquals(updates, bridge.counters().get(Counter.UPDATES_RECEIVED), report);
            assertEquals(invalid, bridge.counters().totalDeadLetters(), report);
            assertEquals(0, bridge.counters().get(Counter.INTERNAL_ERRORS), report);

            // A real portal that restarted places a real toy: it shows up on game/events and in the state.
            PortalFrames real = new PortalFrames("victim", 0x0BAD_F00DL);
            byte[] uid = HexFormat.of().parseHex("04A1B2C3D4E5F7");
            attacker.publishAndWait(real.evtTopic(), real.birth());
            attacker.publishAndWait(real.evtTopic(), real.placed(1, 3, uid));
            Optional<MqttProbe.Received> event = game.await(r -> r.text().contains("\"placed\"")
                    && r.text().contains("04A1B2C3D4E5F7"), Duration.ofSeconds(10));
            assertTrue(event.isPresent(), "the placement after the flood reached game/events");
            assertTrue(event.get().text().contains("\"victim\""), event.get().text());
            bridge.awaitIdle();
            Optional<Placement> placed = bridge.store().inTransaction(tx -> tx.placementOf("04A1B2C3D4E5F7"));
            assertTrue(placed.isPresent(), "the placement is in the state");
            assertEquals("victim", placed.get().deviceId());
            assertEquals(1, placed.get().pad());
            assertEquals(3, placed.get().slot());
            // A re-signed mutation is sometimes a valid frame (more often since foreign ToyReads are valid frames
            // of their own, SPEC 1.2): about 10 % of the flood, so "most" is four in five.
            assertTrue(invalid > MESSAGES * 4L / 5, "most of the flood is invalid: " + byKind);
        }
    }
}
