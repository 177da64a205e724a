package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static dev.portal.bridge.app.BridgeFlowTest.WAIT;
import static dev.portal.bridge.app.BridgeFlowTest.blaze;
import static dev.portal.bridge.app.BridgeFlowTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Game-server updates: persisted, written onto the tag through the portal, replied to. */
class ToyUpdateTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    private static final String UID = "04C0FFEE112233";

    @TempDir
    Path dir;

    private static String request(String id, String body) {
        return "{\"correlationId\":\"" + id + "\",\"replyTo\":\"game/replies/test\"," + body + "}";
    }

    private static JsonNode reply(Collector game, String id) throws Exception {
        return game.await("game/replies/test", "\"" + id + "\"", WAIT).json();
    }

    @Test
    void anUpdateToAToyOnAPortalIsWrittenToItsTagAndRepliedToWhenTheDeviceConfirms(Mosquitto broker)
            throws Exception {
        SimTag tag = SimTag.toy(UID, blaze(90));
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/#");
             FramePortal portal = new FramePortal(broker.uri(), "den", 1, Clock.systemUTC())) {
            portal.start();
            portal.place(0, 2, tag);
            game.await("game/events", "recognised", WAIT);

            game.publish("game/toys/" + UID + "/update", request("r1", "\"action\":\"awardXp\",\"amount\":150"));
            JsonNode written = reply(game, "r1");
            assertEquals("written", written.get("status").asText());
            assertEquals(240, written.at("/profile/xp").asLong());
            assertEquals(2, written.at("/profile/level").asInt());
            assertEquals(false, written.at("/profile/writePending").asBoolean());
            assertEquals(240, tag.record().orElseThrow().coCreation().xp(), "the tag holds the new XP");
            assertEquals(2, tag.record().orElseThrow().coCreation().level());

            game.publish("game/toys/" + UID + "/update", request("r2", "\"action\":\"rename\",\"name\":\"Inferno\""));
            assertEquals("written", reply(game, "r2").get("status").asText());
            game.publish("game/toys/" + UID + "/update",
                    request("r3", "\"action\":\"recolour\",\"colours\":{\"accent\":\"#00FF7F\"}"));
            assertEquals("#00FF7F", reply(game, "r3").at("/profile/colours/accent").asText());
            game.publish("game/toys/" + UID + "/update", request("r4", "\"action\":\"unlockUpgrade\",\"upgrade\":9"));
            assertEquals("[2,9]", reply(game, "r4").at("/profile/upgrades").toString());
            assertEquals("Inferno", tag.record().orElseThrow().coCreation().name());
            assertEquals(0x00FF7F, tag.record().orElseThrow().coCreation().colours().accent());
            assertTrue(tag.record().orElseThrow().coCreation().upgrades().contains(9));

            game.publish("game/toys/" + UID + "/update", request("r5", "\"action\":\"rename\","
                    + "\"name\":\"a name far too long for the tag\""));
            JsonNode rejected = reply(game, "r5");
            assertEquals("rejected", rejected.get("status").asText());
            assertTrue(rejected.get("detail").asText().contains("20 bytes"), rejected.toString());
            game.publish("game/toys/FFFFFFFF/update", request("r6", "\"action\":\"awardXp\",\"amount\":1"));
            assertTrue(reply(game, "r6").get("detail").asText().contains("unknown toy"));
        }
    }

    /** Loose JSON used to be applied: XP changed and the tag was written by requests that were not one request. */
    @Test
    void aRequestThatIsNotExactlyOneWellTypedJsonObjectChangesNothing(Mosquitto broker) throws Exception {
        SimTag tag = SimTag.toy(UID, blaze(90));
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/#");
             FramePortal portal = new FramePortal(broker.uri(), "loose", 1, Clock.systemUTC())) {
            portal.start();
            portal.place(0, 0, tag);
            game.await("game/events", "recognised", WAIT);
            String topic = "game/toys/" + UID + "/update";
            String award = request("l1", "\"action\":\"awardXp\",\"amount\":1000");
            game.publish(topic, award + award);
            game.publish(topic, award + "garbage");
            game.publish(topic, request("l2", "\"action\":\"awardXp\",\"amount\":1000.0"));
            game.publish(topic, request("l3", "\"action\":\"awardXp\",\"amount\":1000,\"name\":\"Hacked\""));
            game.publish(topic, request("l4", "\"action\":\"recolour\",\"colours\":{\"accent\":123456}"));
            for (String id : new String[] {"l2", "l3", "l4"}) {
                assertEquals("rejected", reply(game, id).get("status").asText(), id);
            }
            game.publish(topic, request("l5", "\"action\":\"awardXp\",\"amount\":10"));
            JsonNode written = reply(game, "l5");
            assertEquals("written", written.get("status").asText());
            assertEquals(100, written.at("/profile/xp").asLong(), "only the well-formed request changed the XP");
            assertEquals(100, tag.record().orElseThrow().coCreation().xp());
            assertEquals("Blaze", tag.record().orElseThrow().coCreation().name());
            bridge.awaitIdle();
            assertEquals(2, bridge.counters().deadLetters(Refusal.BAD_REQUEST), "the two that are not one document");
            assertEquals(1, bridge.counters().get(Counter.TOY_WRITES_SENT));
        }
    }

    @Test
    void anUpdateToAToyAwayIsQueuedAndWrittenWhenItIsPlacedAgain(Mosquitto broker) throws Exception {
        SimTag tag = SimTag.toy(UID, blaze(10));
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/#");
             FramePortal portal = new FramePortal(broker.uri(), "attic", 1, Clock.systemUTC())) {
            portal.start();
            portal.place(0, 0, tag);
            game.await("game/events", "recognised", WAIT);
            portal.lift(0, 0);
            game.await("game/events", "removed", WAIT);

            game.publish("game/toys/" + UID + "/update", request("q1", "\"action\":\"awardXp\",\"amount\":500"));
            JsonNode queued = reply(game, "q1");
            assertEquals("queued", queued.get("status").asText());
            assertEquals(true, queued.at("/profile/writePending").asBoolean());
            assertEquals(10, tag.record().orElseThrow().coCreation().xp(), "not written while away");

            portal.place(0, 1, tag);
            JsonNode recognised = GameJson.MAPPER.readTree(
                    game.await("game/events", "recognised", WAIT).payload());
            assertEquals(510, recognised.at("/profile/xp").asLong(), "the bridge's newer profile wins");
            game.await(r -> r.topic().equals("game/toys/" + UID) && r.text().contains("\"writePending\":false")
                    && r.text().contains("\"xp\":510"), WAIT);
            assertEquals(510, tag.record().orElseThrow().coCreation().xp());

            portal.lift(0, 1);
            portal.place(0, 0, tag);
            JsonNode reread = game.await("game/events", "recognised", WAIT).json();
            assertEquals(510, reread.at("/profile/xp").asLong(), "read back from the tag");
            bridge.awaitIdle();
            assertEquals(1, bridge.counters().get(Counter.TOY_WRITES_CONFIRMED));
        }
    }
}
