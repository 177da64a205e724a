package dev.portal.bridge.app;

import dev.portal.bridge.testing.SimTag;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.EmbeddedBridge;
import dev.portal.link.BrokerLink;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.portal.bridge.app.BridgeFlowTest.WAIT;
import static dev.portal.bridge.app.BridgeFlowTest.config;
import static dev.portal.bridge.app.BridgeRobustnessTest.birth;
import static dev.portal.bridge.app.BridgeRobustnessTest.frame;
import static dev.portal.bridge.app.BridgeRobustnessTest.placed;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Topics that are valid UTF-8 but name nothing of ours, some with characters Paho 1.2.5 could not decode (a
 * 4-byte character, full-width digits): the bridge's wildcard subscriptions receive them at QoS 0 and 1, drops
 * them as dead letters, and goes on bridging real frames, on Mosquitto and on the embedded HiveMQ broker. One
 * such QoS 1 message waiting in the bridge's persistent session does not stop the bridge from starting again.
 */
class HostileTopicsTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    /** Each names no portal: dead-lettered as bad-topic. */
    static final List<String> HOSTILE = List.of("portal/emoji-\uD83D\uDC09/evt", "portal/emoji-\uD83D\uDC09/status",
            "portal/\uFF10\uFF14/evt", "portal/caf\u00e9/evt", "game/toys/\uFF10\uFF14/update");
    /** The last one is an update request whose uid is not hex: dead-lettered as bad-request by the parser. */
    static final int BAD_TOPICS = HOSTILE.size() - 1;

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes every hostile topic at QoS 0 and 1, each followed by a real frame the bridge must apply. */
    private static void hostileThenReal(String uri, Collector game, String device, long boot) throws Exception {
        try (BrokerLink attacker = BrokerSettings.plain(uri, "attacker-" + System.nanoTime()).linkBuilder().build()) {
            attacker.connect(WAIT);
            Topic evt = Topic.of("portal/" + device + "/evt");
            attacker.publish(evt, frame(boot, 0, birth(device)), Qos.AT_LEAST_ONCE, false).get(10, TimeUnit.SECONDS);
            int seq = 1;
            for (Qos qos : Qos.values()) {
                for (String hostile : HOSTILE) {
                    attacker.publish(Topic.of(hostile), bytes("{\"x\":1}"), qos, false).get(10, TimeUnit.SECONDS);
                    attacker.publish(evt, frame(boot, seq, placed(seq % 2, seq)), Qos.AT_LEAST_ONCE, false)
                            .get(10, TimeUnit.SECONDS);
                    game.await("game/events", String.format("04%02X0909", seq), WAIT);
                    seq++;
                    // lift it again so the slot is free for the next placement
                    attacker.publish(evt, frame(boot, seq, BridgeRobustnessTest.removed((seq - 1) % 2, seq - 1)),
                            Qos.AT_LEAST_ONCE, false).get(10, TimeUnit.SECONDS);
                    seq++;
                }
            }
        }
    }

    @Test
    void theBridgeOnMosquittoKeepsBridgingAndRestartsWithAHostileMessageInItsSession() throws Exception {
        BridgeConfig persistent = BridgeConfig.defaults(BrokerSettings.plain(MOSQUITTO.uri(), "hostile-topics-bridge")
                .withCleanSession(false), dir).withToyKey(SimTag.KEY);
        try (Collector game = new Collector(MOSQUITTO.uri(), "game/#")) {
            try (Bridge bridge = Bridge.start(persistent)) {
                hostileThenReal(MOSQUITTO.uri(), game, "brave-1", 21);
                bridge.awaitIdle();
                assertEquals(0, bridge.counters().get(Counter.INTERNAL_ERRORS));
                assertEquals(2 * BAD_TOPICS, bridge.counters().deadLetters(Refusal.BAD_TOPIC));
                assertEquals(2, bridge.counters().deadLetters(Refusal.BAD_REQUEST));
            }
            // Stopped: a hostile QoS 1 message waits in its session, then a real frame.
            MOSQUITTO.broker().publish("portal/emoji-\uD83D\uDC09/evt", bytes("queued"), false);
            MOSQUITTO.broker().publish("portal/brave-2/evt", frame(22, 0, birth("brave-2")), false);
            MOSQUITTO.broker().publish("portal/brave-2/evt", frame(22, 1, placed(0, 0x7A)), false);
            try (Bridge again = Bridge.start(persistent)) {
                game.await("game/events", "047A0909", WAIT);
                hostileThenReal(MOSQUITTO.uri(), game, "brave-3", 23);
                again.awaitIdle();
                assertEquals(0, again.counters().get(Counter.INTERNAL_ERRORS));
                assertEquals(1 + 2 * BAD_TOPICS, again.counters().deadLetters(Refusal.BAD_TOPIC));
            }
        }
    }

    @Test
    void theBridgeOnItsEmbeddedHiveMqBrokerKeepsBridging() throws Exception {
        try (Bridge bridge = Bridge.start(EmbeddedBridge.config(dir, "hostile-embedded"));
             Collector game = new Collector(bridge.serverUri(), "game/#")) {
            hostileThenReal(bridge.serverUri(), game, "brave-4", 24);
            bridge.awaitIdle();
            assertEquals(0, bridge.counters().get(Counter.INTERNAL_ERRORS));
            assertEquals(2 * BAD_TOPICS, bridge.counters().deadLetters(Refusal.BAD_TOPIC));
            assertEquals(2, bridge.counters().deadLetters(Refusal.BAD_REQUEST));
        }
    }
}
