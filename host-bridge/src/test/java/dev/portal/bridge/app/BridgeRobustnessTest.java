package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.id.Uid;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.portal.bridge.app.BridgeFlowTest.WAIT;
import static dev.portal.bridge.app.BridgeFlowTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reordering, gaps, unannounced boots and hostile input, all on a real Mosquitto. */
class BridgeRobustnessTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    @TempDir
    Path dir;

    static byte[] frame(long boot, long seq, Message message) {
        return FrameCodec.encode(new Frame(Header.of(boot, seq, System.currentTimeMillis(), true), message));
    }

    static Birth birth(String deviceId) {
        return new Birth(deviceId, "test-1", Set.of(Capability.TOY_WRITE), List.of(new PadInfo(0, 2, "test")),
                new Calibration(List.of()), 1);
    }

    static TagPlaced placed(int slot, int uidByte) {
        return new TagPlaced(0, slot, Uid.of(new byte[] {4, (byte) uidByte, 9, 9}), TagType.NTAG215);
    }

    static TagRemoved removed(int slot, int uidByte) {
        return new TagRemoved(0, slot, Uid.of(new byte[] {4, (byte) uidByte, 9, 9}), 10);
    }

    @Test
    void framesArrivingOutOfOrderAreAppliedInOrderWithoutARebirth(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/events", "portal/+/cmd")) {
            game.publish("portal/p-order/evt", frame(7, 0, birth("p-order")));
            game.publish("portal/p-order/evt", frame(7, 2, removed(0, 1)));
            game.publish("portal/p-order/evt", frame(7, 1, placed(0, 1)));
            JsonNode first = game.await("game/events", "04010909", WAIT).json();
            JsonNode second = game.await("game/events", "04010909", WAIT).json();
            assertEquals("placed", first.get("event").asText());
            assertEquals("removed", second.get("event").asText());
            // On purpose: twice the 200 ms reorder window passes, in which a gap wrongly held open would ask for a Rebirth.
            Thread.sleep(400);
            bridge.awaitIdle();
            assertEquals(0, bridge.counters().get(Counter.REBIRTH_REQUESTS));
            assertEquals(0, bridge.counters().get(Counter.GAPS));
        }
    }

    @Test
    void aGapIsWaitedOutThenThePortalIsAskedForARebirth(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/events", "portal/p-gap/cmd")) {
            game.publish("portal/p-gap/evt", frame(8, 0, birth("p-gap")));
            game.publish("portal/p-gap/evt", frame(8, 1, placed(0, 2)));
            game.publish("portal/p-gap/evt", frame(8, 3, placed(1, 3))); // seq 2 never comes
            game.await("game/events", "04020909", WAIT);
            Collector.Received command = game.await(r -> r.topic().equals("portal/p-gap/cmd"), WAIT);
            Frame rebirth = FrameCodec.decode(command.payload());
            assertInstanceOf(Rebirth.class, assertInstanceOf(Command.class, rebirth.message()).body());
            game.await("game/events", "04030909", WAIT); // released after the window, not lost
            bridge.awaitIdle();
            assertEquals(1, bridge.counters().get(Counter.GAPS));
        }
    }

    @Test
    void hostileInputIsDeadLetteredCountedAndTheBridgeCarriesOn(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/deadletter", "game/events", "portal/+/cmd",
                     "game/bridge/status")) {
            byte[] random = new byte[64];
            new Random(42).nextBytes(random);
            broker.publish("portal/evil/evt", random, false);
            byte[] good = frame(9, 0, birth("p-host"));
            game.publish("portal/p-host/evt", Arrays.copyOf(good, good.length - 5));
            game.publish("portal/p-host/evt", frame(9, 0, birth("someone-else")));
            game.publish("portal/p-host/evt", new byte[70_000]);
            game.publish("portal/p-host/evt", frame(10, 5, placed(0, 4))); // boot 10 never announced
            game.publish("game/toys/0401/update", "{not json".getBytes(StandardCharsets.UTF_8));
            game.publish("portal/p-host/status", "maybe".getBytes(StandardCharsets.UTF_8));

            JsonNode undecodable = deadLetter(game, "undecodable");
            assertEquals("portal/evil/evt", undecodable.get("topic").asText());
            assertEquals(64, undecodable.get("size").asInt());
            assertEquals(128, undecodable.get("payloadHex").asText().length());
            assertTrue(deadLetter(game, "undecodable").get("detail").asText().length() > 0, "the truncated frame");
            assertTrue(deadLetter(game, "device-mismatch").get("detail").asText().contains("someone-else"));
            JsonNode oversized = deadLetter(game, "oversized");
            assertTrue(oversized.get("truncated").asBoolean());
            assertEquals(512, oversized.get("payloadHex").asText().length());
            deadLetter(game, "bad-request");
            deadLetter(game, "bad-status");
            deadLetter(game, "unannounced-boot");
            game.await(r -> r.topic().equals("portal/p-host/cmd"), WAIT); // and a rebirth request for it

            // still working: the genuine portal's frames go through
            game.publish("portal/p-host/evt", good);
            game.publish("portal/p-host/evt", frame(9, 1, placed(0, 5)));
            game.await("game/events", "04050909", WAIT);
            JsonNode status = GameJson.MAPPER.readTree(game.await(r -> r.topic().equals("game/bridge/status")
                    && r.text().contains("unannounced-boot"), WAIT).payload());
            assertEquals(2, status.at("/counters/deadLetters/undecodable").asInt());
            assertEquals(7, status.at("/counters/deadLettersTotal").asInt());
        }
    }

    private static JsonNode deadLetter(Collector game, String reason) throws Exception {
        return GameJson.MAPPER.readTree(game.await(r -> r.topic().equals("game/deadletter")
                && r.text().contains("\"reason\":\"" + reason + "\""), WAIT).payload());
    }

    @Test
    void theBridgeAlsoRunsOnItsEmbeddedBroker() throws Exception {
        int port = Ports.free();
        BridgeConfig embedded = config("tcp://127.0.0.1:1", dir).withEmbeddedBroker(port);
        try (Bridge bridge = Bridge.start(embedded);
             Collector game = new Collector(bridge.serverUri(), "game/#")) {
            assertEquals("tcp://127.0.0.1:" + port, bridge.serverUri());
            game.publish("portal/p-emb/evt", frame(11, 0, birth("p-emb")));
            game.publish("portal/p-emb/evt", frame(11, 1, placed(0, 6)));
            game.await("game/events", "04060909", Duration.ofSeconds(20));
            game.await(r -> r.topic().equals("game/portals/p-emb") && r.retained() == false, WAIT);
        }
        // the broker's data, configuration and extensions live under the bridge's data folder
        assertTrue(java.nio.file.Files.isDirectory(dir.resolve("broker/data")));
        assertTrue(java.nio.file.Files.readString(dir.resolve("broker/conf/config.xml"))
                .contains("<bind-address>127.0.0.1</bind-address>"));
    }
}
