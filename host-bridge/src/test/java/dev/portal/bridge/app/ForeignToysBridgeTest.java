package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.protocol.foreign.FailedCheck;
import dev.portal.protocol.foreign.ForeignToy;
import dev.portal.protocol.foreign.ToyForm;
import dev.portal.protocol.foreign.ToyLine;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.id.Uid;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static dev.portal.bridge.app.BridgeFlowTest.WAIT;
import static dev.portal.bridge.app.BridgeFlowTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Toys of other lines reach game servers (protocol 1.2): a foreign read is an event and a retained document with
 * the line and ids, makes no profile, and the bridge never sends the portal a verdict or a write for it.
 */
class ForeignToysBridgeTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    @TempDir
    Path dir;

    @Test
    void aForeignToyIsAnEventAndADocumentWithNoProfileAndNothingIsEverWrittenToIt(Mosquitto broker)
            throws Exception {
        Uid lego = Uid.parse("0462B68AB44280");
        Uid fake = Uid.parse("01020304");
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/#");
             Collector commands = new Collector(broker.uri(), "portal/shelf/cmd");
             FramePortal portal = new FramePortal(broker.uri(), "shelf", 2, Clock.systemUTC())) {
            portal.start();
            portal.send(new TagPlaced(0, 3, lego, TagType.NTAG213));
            portal.send(ToyRead.foreign(0, 3, lego,
                    new ForeignToy(ToyLine.LEGO_DIMENSIONS, ToyForm.VEHICLE, 1123, 0, 0)));
            JsonNode event = game.await("game/events", "\"foreign\"", WAIT).json();
            assertEquals("FOREIGN", event.get("verdict").asText());
            assertEquals("lego_dimensions", event.at("/foreign/line").asText());
            assertEquals("vehicle", event.at("/foreign/form").asText());
            assertEquals(1123, event.at("/foreign/characterId").asInt());
            assertTrue(event.get("profile").isNull(), "no profile for a foreign toy: " + event);
            JsonNode doc = game.await("game/foreign-toys/0462B68AB44280", "lastRead", WAIT).json();
            assertEquals(1123, doc.at("/foreign/characterId").asInt());
            assertEquals("shelf", doc.at("/lastRead/deviceId").asText());
            assertEquals(3, doc.at("/lastRead/slot").asInt());

            // A game server that tries to level it up is told the bridge has no such toy; nothing goes to the tag.
            game.publish("game/toys/0462B68AB44280/update", "{\"correlationId\":\"x1\",\"replyTo\":"
                    + "\"game/replies/fx\",\"action\":\"awardXp\",\"amount\":50}");
            JsonNode reply = game.await("game/replies/fx", "\"x1\"", WAIT).json();
            assertEquals("rejected", reply.get("status").asText(), reply.toString());
            assertTrue(reply.get("detail").asText().contains("unknown toy"), reply.toString());

            portal.send(new TagPlaced(1, 0, fake, TagType.CLASSIC_1K));
            portal.send(ToyRead.foreign(1, 0, fake, new FailedCheck(ToyLine.SKYLANDERS)));
            JsonNode failed = game.await(r -> r.topic().equals("game/events") && r.text().contains("01020304")
                    && r.text().contains("\"foreign\""), WAIT).json();
            assertEquals("failed", failed.at("/foreign/check").asText());
            assertTrue(failed.at("/foreign/characterId").isMissingNode(), "no id from a failed check");

            bridge.awaitIdle();
            commands.drain(Duration.ofMillis(500));
            assertEquals(0, commands.all().size(), "no verdict, no write for a foreign toy: " + commands.all());
            assertTrue(bridge.store().inTransaction(tx -> tx.toy(lego.hex())).isEmpty(), "no profile was made");
            assertTrue(bridge.store().inTransaction(tx -> tx.toy(fake.hex())).isEmpty(), "no profile was made");
        }
    }
}
