package dev.portal.bridge.contract;

import dev.portal.protocol.foreign.FailedCheck;
import dev.portal.protocol.foreign.ForeignToy;
import dev.portal.protocol.foreign.ToyForm;
import dev.portal.protocol.foreign.ToyLine;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.id.Uid;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** host-bridge/asyncapi.yaml is the contract: its examples and everything the bridge really sends must fit it. */
class AsyncApiContractTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String REPLIES = "game/replies/contract";

    @TempDir
    Path dir;

    @Test
    void everyExampleInTheFileMatchesItsSchema() throws Exception {
        AsyncApiSchemas schemas = new AsyncApiSchemas();
        assertEquals("3.0.0", schemas.root().path("asyncapi").asText());
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.root().at("/components/messages").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> message = it.next();
            String schema = schemas.payloadSchema(message.getKey());
            for (JsonNode example : message.getValue().path("examples")) {
                Set<String> problems = schemas.problems(schema, example.path("payload"));
                assertTrue(problems.isEmpty(), message.getKey() + "/" + example.path("name").asText() + ": " + problems);
                checked++;
            }
        }
        assertTrue(checked >= 10, "examples checked: " + checked);
    }

    @Test
    void theSchemasRejectWhatTheyShould() throws Exception {
        AsyncApiSchemas schemas = new AsyncApiSchemas();
        JsonNode example = schemas.root().at("/components/messages/event/examples/0/payload");
        ObjectNode extraField = example.deepCopy();
        extraField.put("surprise", 1);
        assertFalse(schemas.problems("Event", extraField).isEmpty());
        ObjectNode noTagType = example.deepCopy();
        noTagType.remove("tagType");
        assertFalse(schemas.problems("Event", noTagType).isEmpty());
        ObjectNode request = GameJson.MAPPER.createObjectNode();
        request.put("correlationId", "1").put("replyTo", "portal/x/cmd").put("action", "awardXp").put("amount", 5);
        assertFalse(schemas.problems("UpdateRequest", request).isEmpty(), "replies into portal/ are refused");
    }

    /** Every counter and dead-letter reason the bridge can publish is in the file, and nothing else is. */
    @Test
    void theCountersAndReasonsAreThoseOfTheCode() throws Exception {
        AsyncApiSchemas schemas = new AsyncApiSchemas();
        JsonNode counters = schemas.root().at("/components/schemas/BridgeStatus/properties/counters/properties");
        Set<String> inFile = new TreeSet<>();
        counters.fieldNames().forEachRemaining(inFile::add);
        Set<String> inCode = new TreeSet<>(Set.of("deadLetters", "deadLettersTotal"));
        Arrays.stream(Counter.values()).map(Counter::jsonName).forEach(inCode::add);
        assertEquals(inCode, inFile);

        Set<String> reasonsInFile = new TreeSet<>();
        schemas.root().at("/components/schemas/DeadLetter/properties/reason/enum").forEach(r -> reasonsInFile.add(r.asText()));
        Set<String> countedInFile = new TreeSet<>();
        counters.path("deadLetters").path("properties").fieldNames().forEachRemaining(countedInFile::add);
        Set<String> reasonsInCode = new TreeSet<>(Arrays.stream(Refusal.values()).map(Refusal::jsonName).toList());
        assertEquals(reasonsInCode, reasonsInFile);
        assertEquals(reasonsInCode, countedInFile);
    }

    @Test
    void everythingTheBridgeSendsMatchesTheFile(Mosquitto broker) throws Exception {
        AsyncApiSchemas schemas = new AsyncApiSchemas();
        SimTag hero = SimTag.toy("04A1B2C3D4E5F6", new ToyRecord(12, 1, new CoCreation("Blaze",
                new Colours(0xFF4400, 0x202020, 0xFFD700), Upgrades.of(2), 150, 2)));
        BridgeConfig config = BridgeConfig.defaults(BrokerSettings.plain(broker.uri(), "contract-" + System.nanoTime()),
                dir).withToyKey(SimTag.KEY).withTimings(Duration.ofMillis(200), Duration.ofSeconds(3));
        List<Collector.Received> all;
        try (Bridge bridge = Bridge.start(config);
             Collector game = new Collector(broker.uri(), "game/#");
             FramePortal portal = new FramePortal(broker.uri(), "contract-portal", 2, Clock.systemUTC())) {
            portal.start();
            portal.heartbeat(12);
            portal.place(0, 0, hero);
            portal.place(1, 0, SimTag.tampered("04BADBADBAD000"));
            portal.place(1, 1, SimTag.blank("04B1A4C0000001"));
            game.await("game/events", "blank", WAIT);
            Uid figure = Uid.parse("7457CAA9");
            portal.send(new TagPlaced(1, 2, figure, TagType.CLASSIC_1K));
            portal.send(ToyRead.foreign(1, 2, figure, new ForeignToy(ToyLine.SKYLANDERS, ToyForm.FIGURE, 451, 12288, 0)));
            portal.send(new TagPlaced(0, 3, Uid.parse("01020304"), TagType.CLASSIC_1K));
            portal.send(ToyRead.foreign(0, 3, Uid.parse("01020304"), new FailedCheck(ToyLine.SKYLANDERS)));
            game.await("game/events", "\"foreign\"", WAIT);
            game.await(r -> r.topic().equals("game/foreign-toys/01020304"), WAIT);
            game.publish("game/toys/04A1B2C3D4E5F6/update", request("c1", "\"action\":\"awardXp\",\"amount\":100"));
            game.await(REPLIES, "written", WAIT);
            portal.lift(0, 0);
            portal.lift(1, 0);
            game.publish("game/toys/04A1B2C3D4E5F6/update", request("c2", "\"action\":\"rename\",\"name\":\"Ember\""));
            game.publish("game/toys/04A1B2C3D4E5F6/update", request("c3", "\"action\":\"unlockUpgrade\",\"upgrade\":99"));
            game.await(REPLIES, "rejected", WAIT);
            portal.sendRaw(new byte[] {1, 2, 3});
            game.await("game/deadletter", "undecodable", WAIT);
            game.await(r -> r.topic().equals("game/bridge/status") && r.text().contains("undecodable"), WAIT);
            bridge.awaitIdle();
            // the lift's toy document is among the last the bridge publishes
            Await.until("the lifted toy's document", () -> game.all().stream().anyMatch(r -> r.topic().equals(
                    "game/toys/04A1B2C3D4E5F6") && r.text().contains("\"onPortal\":null")), WAIT);
            all = game.all();
        }

        Map<String, Integer> seen = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Collector.Received r : all) {
            String schema = AsyncApiSchemas.schemaForTopic(r.topic(), REPLIES);
            if (schema == null) {
                continue;
            }
            JsonNode payload = r.json();
            if (schema.equals("UpdateRequest") && payload.path("correlationId").asText().equals("c3")) {
                continue; // our deliberately invalid request (upgrade 99): the bridge rejected it, as it should
            }
            Set<String> problems = schemas.problems(schema, payload);
            if (!problems.isEmpty()) {
                failures.add(r.topic() + " " + r.text() + " -> " + problems);
            }
            seen.merge(schema, 1, Integer::sum);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (String schema : List.of("Event", "Portal", "Toy", "UpdateReply", "DeadLetter", "BridgeStatus",
                "UpdateRequest", "ForeignToy")) {
            assertTrue(seen.getOrDefault(schema, 0) > 0, "nothing validated against " + schema + ": " + seen);
        }
        assertTrue(seen.get("Event") >= 8, seen.toString());
    }

    private static String request(String id, String body) {
        return "{\"correlationId\":\"" + id + "\",\"replyTo\":\"" + REPLIES + "\"," + body + "}";
    }
}
