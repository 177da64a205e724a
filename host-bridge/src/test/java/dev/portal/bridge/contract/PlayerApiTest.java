package dev.portal.bridge.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.protocol.toy.WebCode;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The player API (issue 14) through a real broker: web codes, claims, ownership of updates, history, export
 * and forget; every reply is checked against its schema in host-bridge/asyncapi.yaml.
 */
class PlayerApiTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String UID = "04C1A1B2C3D4E5";
    private static final String REPLIES = "game/replies/studio";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;
    private final AtomicInteger ids = new AtomicInteger();

    private BridgeConfig config(Mosquitto broker) {
        return BridgeConfig.defaults(BrokerSettings.plain(broker.uri(), "player-" + System.nanoTime()), dir)
                .withToyKey(SimTag.KEY);
    }

    /** Sends {@code body} (without correlationId and replyTo) and returns the reply, checked against {@code schema}. */
    private JsonNode ask(Collector game, String topic, String body, String schema) throws Exception {
        return ask(game, topic, body, schema, REPLIES, "q" + ids.incrementAndGet());
    }

    private JsonNode ask(Collector game, String topic, String body, String schema, String replyTo, String id)
            throws Exception {
        return answer(game, topic, body, schema, replyTo, id).json();
    }

    private Collector.Received answer(Collector game, String topic, String body, String schema, String replyTo,
                                      String id) throws Exception {
        game.publish(topic, "{\"correlationId\":\"" + id + "\",\"replyTo\":\"" + replyTo + "\""
                + (body.isEmpty() ? "" : "," + body) + "}");
        Collector.Received r = game.await(m -> m.topic().equals(replyTo) && m.text().contains("\"" + id + "\""), WAIT);
        Set<String> problems = new AsyncApiSchemas().problems(schema, r.json());
        assertTrue(problems.isEmpty(), r.text() + " -> " + problems);
        return r;
    }

    private static String claim(String player, String code) {
        return "\"player\":\"" + player + "\",\"code\":\"" + code + "\"";
    }

    private JsonNode register(Collector game, String uid, WebCode code) throws Exception {
        return ask(game, "game/toys/" + uid + "/webcode", "\"digest\":\"" + code.digest(Uid.parse(uid)) + "\"",
                "ToyRequestReply");
    }

    @Test
    void onlyTheRightCodeClaimsAToyAndAWrongOneCannotBeToldFromAnUnknownToy(Mosquitto broker) throws Exception {
        WebCode code = WebCode.random(RANDOM);
        try (Bridge bridge = Bridge.start(config(broker));
             Collector game = new Collector(broker.uri(), "game/#")) {
            String claimTopic = "game/toys/" + UID + "/claim";
            byte[] unknown = answer(game, claimTopic, claim("ann", code.printed()), "ToyRequestReply", REPLIES, "same")
                    .payload();
            assertEquals("no toy has that web code", GameJson.MAPPER.readTree(unknown).get("detail").asText());
            assertEquals("registered", register(game, UID, code).get("status").asText());
            WebCode wrong = WebCode.random(RANDOM);
            for (String guess : List.of(wrong.printed(), "not a code", "")) {
                byte[] answer = answer(game, claimTopic, claim("ann", guess), "ToyRequestReply", REPLIES, "same")
                        .payload();
                assertArrayEquals(unknown, answer, "a wrong code answers as an unknown toy: " + guess);
            }

            String typed = code.printed().toLowerCase().replace("-", " ");
            JsonNode claimed = ask(game, claimTopic, claim("ann", typed), "ToyRequestReply");
            assertEquals("claimed", claimed.get("status").asText(), claimed.toString());
            assertEquals("claimed", ask(game, claimTopic, claim("ann", code.printed()), "ToyRequestReply")
                    .get("status").asText(), "claiming one's own toy again is fine");
            JsonNode taken = ask(game, claimTopic, claim("bob", code.printed()), "ToyRequestReply");
            assertEquals("already claimed by another player", taken.get("detail").asText());
            JsonNode reRegister = register(game, UID, WebCode.random(RANDOM));
            assertEquals("claimed: its owner must release it first", reRegister.get("detail").asText());
            assertEquals("claimed", ask(game, claimTopic, claim("ann", code.printed()), "ToyRequestReply")
                    .get("status").asText(), "the owner's code still works: the registration changed nothing");

            JsonNode toys = ask(game, "game/players/ann/request", "\"action\":\"toys\"", "PlayerReply");
            assertEquals("[\"" + UID + "\"]", toys.get("toys").toString());
            assertEquals("[]", ask(game, "game/players/bob/request", "\"action\":\"toys\"", "PlayerReply")
                    .get("toys").toString());
            bridge.awaitIdle();
            assertEquals(3, bridge.counters().get(Counter.CLAIMS_APPLIED));
            assertEquals(5, bridge.counters().get(Counter.CLAIMS_REJECTED));
            assertEquals(1, bridge.counters().get(Counter.WEBCODES_APPLIED));
            assertEquals(1, bridge.counters().get(Counter.WEBCODES_REJECTED));
        }
    }

    @Test
    void onlyTheOwnerChangesItsToyAndForgettingReleasesAndAnonymises(Mosquitto broker) throws Exception {
        WebCode code = WebCode.random(RANDOM);
        SimTag tag = SimTag.toy(UID, new ToyRecord(12, 1, new CoCreation("Blaze", new Colours(0xFF4400, 0x202020,
                0xFFD700), Upgrades.of(2), 150, 2)));
        try (Bridge bridge = Bridge.start(config(broker));
             Collector game = new Collector(broker.uri(), "game/#");
             FramePortal portal = new FramePortal(broker.uri(), "den", 1, Clock.systemUTC())) {
            register(game, UID, code);
            assertEquals("claimed", ask(game, "game/toys/" + UID + "/claim", claim("ann", code.printed()),
                    "ToyRequestReply").get("status").asText());
            portal.start();
            portal.place(0, 0, tag);
            game.await("game/events", "recognised", WAIT);
            game.await(r -> r.topic().equals("game/toys/" + UID) && r.text().contains("\"claimed\":true"), WAIT);

            String update = "game/toys/" + UID + "/update";
            JsonNode notYours = ask(game, update, "\"action\":\"awardXp\",\"amount\":1000,\"player\":\"bob\"",
                    "UpdateReply");
            assertEquals("rejected", notYours.get("status").asText());
            assertEquals("not your toy", notYours.get("detail").asText());
            assertEquals(150, bridge.store().inTransaction(tx -> tx.toy(UID)).orElseThrow().xp(), "nothing changed");
            assertEquals(150, tag.record().orElseThrow().coCreation().xp(), "nothing written");
            JsonNode written = ask(game, update, "\"action\":\"awardXp\",\"amount\":500,\"player\":\"ann\"",
                    "UpdateReply");
            assertEquals("written", written.get("status").asText(), written.toString());
            assertEquals(650, tag.record().orElseThrow().coCreation().xp());
            portal.lift(0, 0);
            game.await("game/events", "removed", WAIT);

            JsonNode history = ask(game, "game/toys/" + UID + "/history", "", "HistoryReply");
            assertEquals("ok", history.get("status").asText());
            assertEquals(1, history.get("sessions").size(), history.toString());
            assertTrue(history.at("/sessions/0/durationMillis").asLong() >= 0, history.toString());
            assertEquals(List.of(150L, 650L), history.get("xp").findValues("xp").stream().map(JsonNode::asLong)
                    .toList(), "the XP read from the tag, then the award");
            assertEquals(3, history.at("/xp/1/level").asInt());

            JsonNode export = ask(game, "game/players/ann/request", "\"action\":\"export\"", "PlayerReply");
            assertEquals(1, export.get("toys").size(), export.toString());
            assertEquals(UID, export.at("/toys/0/uid").asText());
            assertEquals(650, export.at("/toys/0/profile/xp").asLong());
            assertEquals(1, export.at("/toys/0/sessions").size(), "the session played while ann owned it");
            assertEquals(2, export.at("/toys/0/xp").size());

            JsonNode forget = ask(game, "game/players/ann/request", "\"action\":\"forget\"", "PlayerReply");
            assertEquals(1, forget.get("released").asInt());
            game.await(r -> r.topic().equals("game/toys/" + UID) && r.text().contains("\"claimed\":false"), WAIT);
            assertEquals("[]", ask(game, "game/players/ann/request", "\"action\":\"toys\"", "PlayerReply")
                    .get("toys").toString());
            JsonNode emptyExport = ask(game, "game/players/ann/request", "\"action\":\"export\"", "PlayerReply");
            assertEquals("[]", emptyExport.get("toys").toString());
            assertEquals(List.of(), bridge.store().inTransaction(tx -> tx.players().sessionsOf("ann", UID, 10)),
                    "no session is tied to ann any more");
            assertEquals(1, bridge.store().inTransaction(tx -> tx.players().newestSessions(UID, 10)).size(),
                    "the session itself stays, anonymous");
            assertEquals(0, ask(game, "game/players/ann/request", "\"action\":\"forget\"", "PlayerReply")
                    .get("released").asInt(), "forgetting again changes nothing");
            assertEquals("not your toy", ask(game, update, "\"action\":\"awardXp\",\"amount\":1,\"player\":\"ann\"",
                    "UpdateReply").get("detail").asText(), "a released toy is nobody's");
            assertEquals("claimed", ask(game, "game/toys/" + UID + "/claim", claim("bob", code.printed()),
                    "ToyRequestReply").get("status").asText(), "the web code claims the released toy again");
        }
    }

    @Test
    void garbageIsDeadLetteredSchemaBreachesAreRejectedAndEverythingIsCounted(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker));
             Collector game = new Collector(broker.uri(), "game/#")) {
            List<String> topics = List.of("game/toys/" + UID + "/webcode", "game/toys/" + UID + "/claim",
                    "game/toys/" + UID + "/history", "game/players/ann/request");
            for (String topic : topics) {
                game.publish(topic, "not json");
                game.publish(topic, "{\"correlationId\":\"x\",\"replyTo\":\"portal/den/cmd\"}");
                game.publish(topic, "{\"correlationId\":\"x\",\"replyTo\":\"" + REPLIES + "\"} {}");
                game.publish(topic, "x".repeat(9000));
            }
            assertEquals("rejected", ask(game, topics.get(0), "\"digest\":\"ABC\"", "ToyRequestReply")
                    .get("status").asText());
            assertEquals("rejected", ask(game, topics.get(0), "\"digest\":\"" + "a".repeat(64) + "\",\"owner\":\"me\"",
                    "ToyRequestReply").get("status").asText());
            assertEquals("rejected", ask(game, topics.get(1), "\"player\":\"bad player!\",\"code\":\"x\"",
                    "ToyRequestReply").get("status").asText());
            assertEquals("rejected", ask(game, topics.get(1), "\"player\":\"ann\",\"code\":42", "ToyRequestReply")
                    .get("status").asText());
            assertEquals("no toy has that web code", ask(game, "game/toys/not-hex/claim", claim("ann", "0000-0000-0000"),
                    "ToyRequestReply").get("detail").asText());
            assertEquals("unknown toy", ask(game, topics.get(2), "", "HistoryReply").get("detail").asText());
            assertEquals("rejected", ask(game, topics.get(2), "\"since\":0", "HistoryReply").get("status").asText());
            assertEquals("rejected", ask(game, topics.get(3), "\"action\":\"dance\"", "PlayerReply")
                    .get("status").asText());
            JsonNode badPlayer = ask(game, "game/players/" + "p".repeat(65) + "/request", "\"action\":\"toys\"",
                    "PlayerReply");
            assertTrue(badPlayer.get("player").isNull(), badPlayer.toString());
            bridge.awaitIdle();
            assertEquals(12, bridge.counters().deadLetters(Refusal.BAD_REQUEST), bridge.counters().toJson().toString());
            assertEquals(4, bridge.counters().deadLetters(Refusal.OVERSIZED));
            assertEquals(6, bridge.counters().get(Counter.WEBCODES_RECEIVED));
            assertEquals(2, bridge.counters().get(Counter.WEBCODES_REJECTED));
            assertEquals(7, bridge.counters().get(Counter.CLAIMS_RECEIVED));
            assertEquals(3, bridge.counters().get(Counter.CLAIMS_REJECTED));
            assertEquals(6, bridge.counters().get(Counter.HISTORY_RECEIVED));
            assertEquals(2, bridge.counters().get(Counter.HISTORY_REJECTED));
            assertEquals(6, bridge.counters().get(Counter.PLAYER_REQUESTS_RECEIVED));
            assertEquals(2, bridge.counters().get(Counter.PLAYER_REQUESTS_REJECTED));
            assertTrue(bridge.store().inTransaction(tx -> tx.players().claim(UID)).isEmpty(), "nothing registered");
        }
    }

    @Test
    void requestsOverTheRateLimitsAreRejectedAndCounted(Mosquitto broker) throws Exception {
        WebCode code = WebCode.random(RANDOM);
        try (Bridge bridge = Bridge.start(config(broker));
             Collector game = new Collector(broker.uri(), "game/#")) {
            register(game, UID, code);
            String claimTopic = "game/toys/" + UID + "/claim";
            for (int i = 0; i < 10; i++) {
                assertEquals("no toy has that web code", ask(game, claimTopic, claim("eve", WebCode.random(RANDOM)
                        .printed()), "ToyRequestReply", "game/replies/eve-" + i, "g" + i).get("detail").asText());
            }
            JsonNode limited = ask(game, claimTopic, claim("ann", code.printed()), "ToyRequestReply");
            assertEquals("too many requests; try again later", limited.get("detail").asText(),
                    "ten guesses a minute per toy, whoever sends them");

            String sender = "game/replies/busy";
            for (int i = 0; i < 120; i++) {
                game.publish("game/toys/" + UID + "/history", "{\"correlationId\":\"h" + i + "\",\"replyTo\":\""
                        + sender + "\"}");
            }
            JsonNode over = ask(game, "game/toys/" + UID + "/history", "", "HistoryReply", sender, "h-over");
            assertEquals("too many requests; try again later", over.get("detail").asText());
            JsonNode otherSender = ask(game, "game/toys/" + UID + "/history", "", "HistoryReply");
            assertEquals("unknown toy", otherSender.get("detail").asText(), "another sender is not limited");
            bridge.awaitIdle();
            assertEquals(2, bridge.counters().get(Counter.GAME_REQUESTS_LIMITED));
        }
    }
}
