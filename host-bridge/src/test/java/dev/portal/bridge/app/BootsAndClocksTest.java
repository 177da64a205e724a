package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.EndMark;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.portal.bridge.app.BridgeFlowTest.WAIT;
import static dev.portal.bridge.app.BridgeFlowTest.config;
import static dev.portal.bridge.app.BridgeRobustnessTest.birth;
import static dev.portal.bridge.app.BridgeRobustnessTest.frame;
import static dev.portal.bridge.app.BridgeRobustnessTest.placed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one portal's own frames can make: every Birth of a new boot used to add a row kept for ever and loaded at
 * every start, and a clock that claimed to be synchronised was believed whatever it said.
 */
class BootsAndClocksTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();
    /** protocol/SPEC.md: a CLOCK_SYNCED time is taken within 5 minutes of the bridge's receive time. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private static List<Long> boots(Bridge bridge, String device) {
        return bridge.store().inTransaction(tx -> tx.streams()).stream()
                .filter(s -> s.deviceId().equals(device)).map(StreamPosition::bootId).toList();
    }

    @Test
    void aPortalThatBootsAgainAndAgainKeepsOnlyItsLastFewBoots(Mosquitto broker) throws Exception {
        try (Collector client = new Collector(broker.uri(), "game/events")) {
            try (Bridge bridge = Bridge.start(config(broker.uri(), dir))) {
                for (long boot = 1; boot <= 20; boot++) {
                    client.publish("portal/looping/evt", frame(boot, 0, birth("looping")));
                }
                EndMark.handled(bridge, client);
                assertEquals(6, 20 - bridge.counters().deadLetters(Refusal.TOO_MANY_BOOTS),
                        "6 boots at once, then one every 100 s: " + bridge.counters().toJson());
                assertEquals(List.of(3L, 4L, 5L, 6L), boots(bridge, "looping").stream().sorted().toList(),
                        "the newest 4 boots are kept");
                assertEquals(6L, bridge.store().inTransaction(tx -> tx.portal("looping")).orElseThrow().bootId());
                client.publish("portal/looping/evt", frame(6, 1, placed(0, 0x61)));
                client.await("game/events", "04610909", WAIT); // the current boot goes on as before
            }
            try (Bridge again = Bridge.start(config(broker.uri(), dir))) {
                client.publish("portal/looping/evt", frame(6, 2, placed(1, 0x62)));
                client.await("game/events", "04620909", WAIT);
                assertTrue(boots(again, "looping").size() <= 4);
            }
        }
    }

    private static byte[] at(long boot, long seq, long millis, Message message) {
        return FrameCodec.encode(new Frame(Header.of(boot, seq, millis, true), message));
    }

    @Test
    void aSynchronisedClockFarFromTheBridgesIsClampedToTheStatedSkew(Mosquitto broker) throws Exception {
        long year2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/events")) {
            game.publish("portal/time-lord/evt", at(31, 0, year2100, birth("time-lord")));
            long sent = System.currentTimeMillis();
            game.publish("portal/time-lord/evt", at(31, 1, year2100, placed(0, 0x71)));
            game.publish("portal/time-lord/evt", at(31, 2, 1_000, placed(1, 0x72)));
            JsonNode future = game.await("game/events", "04710909", WAIT).json();
            JsonNode past = game.await("game/events", "04720909", WAIT).json();
            long received = System.currentTimeMillis();
            long futureAt = Instant.parse(future.get("at").asText()).toEpochMilli();
            long pastAt = Instant.parse(past.get("at").asText()).toEpochMilli();
            assertTrue(futureAt >= sent + SKEW.toMillis() && futureAt <= received + SKEW.toMillis(), future.toString());
            assertTrue(pastAt >= sent - SKEW.toMillis() && pastAt <= received - SKEW.toMillis(), past.toString());
            Await.until("the portal's last-seen time", () -> bridge.store().inTransaction(tx -> tx.portal("time-lord"))
                    .orElseThrow().lastSeenMillis() <= received + SKEW.toMillis(), WAIT);
        }
    }
}
