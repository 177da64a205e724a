package dev.portal.bridge.store;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.bridge.broker.EmbeddedBroker;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.EmbeddedBridge;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Ports;
import dev.portal.testsupport.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bridges sharing one PostgreSQL database (`--shared`, each its own client id), one of which dies for good:
 * what it left (events the broker never confirmed, tag writes) is finished by another. Leases are short here,
 * so the tests do not wait half a minute.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TakeoverOnPostgresTest {
    private static final Logger LOG = LoggerFactory.getLogger(TakeoverOnPostgresTest.class);
    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String UID = "04C0FFEE112233";
    private static final String UPDATE = "game/toys/" + UID + "/update";
    private static final List<String> LEFT = List.of("den/7/1#placed", "den/7/2#read", "den/7/3#removed");

    @TempDir
    Path dir;

    private static BridgeConfig.StoreUrl database(ThrowawayPostgres postgres) throws SQLException {
        return new BridgeConfig.StoreUrl(postgres.newDatabase(), Optional.of(ThrowawayPostgres.USER),
                Optional.of(postgres.password()));
    }

    /** A bridge of the share group on {@code serverUri}, with the database {@code url}. */
    private BridgeConfig member(String serverUri, String clientId, BridgeConfig.StoreUrl url) {
        return BridgeConfig.defaults(BrokerSettings.plain(serverUri, clientId), dir.resolve(clientId))
                .withToyKey(SimTag.KEY).withStore(url).withSharedGroup("bridges");
    }

    @Test
    void theOtherBridgePublishesWhatADeadBridgeLeftUnconfirmedAndItSendsNoneWhenBack() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            BridgeConfig.StoreUrl url = database(postgres);
            BridgeConfig configB = EmbeddedBridge.config(dir.resolve("b"), "bridge-b").withStore(url)
                    .withSharedGroup("bridges");
            try (Bridge b = Bridge.start(configB, LEASE);
                 Collector game = new Collector(b.serverUri(), "game/events")) {
                BridgeConfig configA = member(b.serverUri(), "bridge-a", url);
                Bridge a = Bridge.start(configA, LEASE);
                a.awaitIdle(); // started: its lease is held
                // Events a committed and published that the broker never confirmed: they wait in a's outbox.
                a.store().inTransaction(tx -> {
                    for (int i = 0; i < LEFT.size(); i++) {
                        GameEvent event = new GameEvent(LEFT.get(i), "placed", "den", 0, i, "04A1", 1_000 + i,
                                Map.of(), null);
                        tx.addToOutbox("bridge-a", new OutboxEvent(40 + i, event.eventId(),
                                GameJson.text(GameJson.event(event))));
                    }
                    return null;
                });
                a.close(); // ...and a is gone for good: nobody renews its lease
                long died = System.nanoTime();

                for (String id : LEFT) {
                    Collector.Received heard = game.await(r -> r.json().path("eventId").asText().startsWith("den/7/"),
                            WAIT);
                    assertEquals(id, heard.json().get("eventId").asText(), "in their order");
                }
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - died);
                LOG.info("takeover: bridge-b published bridge-a's {} events {} ms after bridge-a stopped (lease {} ms)",
                        LEFT.size(), tookMillis, LEASE.toMillis());
                Await.until("bridge-b to delete the events the broker confirmed", () -> b.store().inTransaction(
                        tx -> tx.outboxOwners().isEmpty()), WAIT);

                try (Bridge aBack = Bridge.start(configA, LEASE)) {
                    aBack.awaitIdle(); // its start-up resend has run
                    assertEquals(0, aBack.counters().get(Counter.EVENTS_RESENT), "its events were bridge-b's");
                }
                game.drain(Duration.ofMillis(500));
                assertEquals(LEFT.size(), game.all().stream()
                        .filter(r -> r.json().path("eventId").asText().startsWith("den/7/")).count(), "each once");
            }
        }
    }

    /**
     * A tag write whose bridge dies before the portal answers: the other bridge gets the answer and settles it
     * (the write was recorded in pending_write before it went out); and an update a bridge committed before it
     * died is written by another the next time the toy is read, because write_pending is in the database.
     * Only one bridge is running whenever the portal sends frames, so which bridge applies which frame (the
     * stream arbiter's business) does not change what the test sees.
     */
    @Test
    void theOtherBridgeSettlesAWriteWhoseBridgeDiedAndWritesAnUpdateOneLeftPending() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            BridgeConfig.StoreUrl url = database(postgres);
            SimTag tag = blaze();
            try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", Ports.free());
                 Collector game = new Collector(broker.serverUri(), "game/#");
                 FramePortal portal = new FramePortal(broker.serverUri(), "den", 1, Clock.systemUTC());
                 Bridge a = Bridge.start(member(broker.serverUri(), "bridge-a", url), LEASE)) {
                portal.start();
                portal.place(0, 0, tag);
                game.await("game/events", "recognised", WAIT);
                a.awaitIdle();
                Bridge b = Bridge.start(member(broker.serverUri(), "bridge-b", url), LEASE);
                Bridge survivor;
                // FramePortal handles commands under its own lock: while the test holds it, the portal answers nothing.
                synchronized (portal) {
                    game.publish(UPDATE, request("w1", 150));
                    Bridge sender = sender(a, b);
                    survivor = sender == a ? b : a;
                    sender.close(); // dies with the write unanswered
                    LOG.info("{} sent the write and stopped", sender == a ? "bridge-a" : "bridge-b");
                }
                JsonNode written = reply(game, "w1");
                assertEquals("written", written.get("status").asText(), "answered by the survivor: " + written);
                assertEquals(240, written.at("/profile/xp").asLong());
                assertFalse(written.at("/profile/writePending").asBoolean());
                assertEquals(1, survivor.counters().get(Counter.TOY_WRITES_CONFIRMED));
                assertEquals(240, tag.record().orElseThrow().coCreation().xp());

                portal.lift(0, 0);
                game.await("game/events", "removed", WAIT);
                survivor.awaitIdle();
                try (Bridge c = Bridge.start(member(broker.serverUri(), "bridge-c", url), LEASE)) {
                    game.publish(UPDATE, request("w2", 10));
                    assertEquals("queued", reply(game, "w2").get("status").asText());
                    Bridge committer = Stream.of(survivor, c)
                            .filter(x -> x.counters().get(Counter.UPDATES_APPLIED) > 0).findFirst().orElseThrow();
                    Bridge reader = committer == c ? survivor : c;
                    committer.close(); // dies with the toy's update only in the database
                    long confirmed = reader.counters().get(Counter.TOY_WRITES_CONFIRMED);
                    portal.place(0, 0, tag);
                    game.await(r -> r.topic().equals("game/toys/" + UID) && r.text().contains("\"writePending\":false")
                            && r.text().contains("\"xp\":250"), WAIT);
                    assertEquals(250, tag.record().orElseThrow().coCreation().xp(), "written by the other bridge");
                    assertEquals(confirmed + 1, reader.counters().get(Counter.TOY_WRITES_CONFIRMED));
                } finally {
                    survivor.close();
                }
            }
        }
    }

    /**
     * Two bridges running, the portal's frames shared between them (the stream arbiter orders them): a write's
     * answer often reaches the bridge that did not send it, and every update is still answered "written".
     */
    @Test
    void everyUpdateIsAnsweredWrittenWhicheverBridgeGetsThePortalsAnswer() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            BridgeConfig.StoreUrl url = database(postgres);
            SimTag tag = blaze();
            int updates = 8;
            try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", Ports.free());
                 Collector game = new Collector(broker.serverUri(), "game/#");
                 FramePortal portal = new FramePortal(broker.serverUri(), "den", 1, Clock.systemUTC());
                 Bridge a = Bridge.start(member(broker.serverUri(), "bridge-a", url), LEASE);
                 Bridge b = Bridge.start(member(broker.serverUri(), "bridge-b", url), LEASE)) {
                portal.start();
                portal.place(0, 0, tag);
                game.await("game/events", "recognised", WAIT);
                for (int i = 1; i <= updates; i++) {
                    game.publish(UPDATE, request("s" + i, 10));
                    JsonNode answer = reply(game, "s" + i);
                    assertEquals("written", answer.get("status").asText(), answer.toString());
                    assertEquals(90 + 10L * i, answer.at("/profile/xp").asLong());
                }
                assertEquals(90 + 10L * updates, tag.record().orElseThrow().coCreation().xp());
                a.awaitIdle();
                b.awaitIdle();
                LOG.info("writes sent by bridge-a/bridge-b: {}/{}; answers settled by bridge-a/bridge-b: {}/{}",
                        a.counters().get(Counter.TOY_WRITES_SENT), b.counters().get(Counter.TOY_WRITES_SENT),
                        a.counters().get(Counter.TOY_WRITES_CONFIRMED), b.counters().get(Counter.TOY_WRITES_CONFIRMED));
                assertEquals(updates, a.counters().get(Counter.TOY_WRITES_CONFIRMED)
                        + b.counters().get(Counter.TOY_WRITES_CONFIRMED));
            }
        }
    }

    /**
     * A write whose bridge died and that the portal never answers is answered "timeout" by the other bridge a
     * lease after its due time; the toy keeps write_pending, so its next read plans the write again.
     */
    @Test
    void aWriteNobodyAnswersIsAnsweredTimeoutByTheOtherBridge() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            BridgeConfig.StoreUrl url = database(postgres);
            SimTag tag = blaze();
            Duration writeTimeout = Duration.ofSeconds(1);
            try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", Ports.free());
                 Collector game = new Collector(broker.serverUri(), "game/#");
                 FramePortal portal = new FramePortal(broker.serverUri(), "den", 1, Clock.systemUTC());
                 Bridge a = Bridge.start(member(broker.serverUri(), "bridge-a", url)
                         .withTimings(Duration.ofMillis(500), writeTimeout), LEASE)) {
                portal.start();
                portal.place(0, 0, tag);
                game.await("game/events", "recognised", WAIT);
                a.awaitIdle();
                try (Bridge b = Bridge.start(member(broker.serverUri(), "bridge-b", url)
                        .withTimings(Duration.ofMillis(500), writeTimeout), LEASE)) {
                    long died;
                    Bridge survivor;
                    synchronized (portal) { // the portal answers no command while the test holds its lock
                        game.publish(UPDATE, request("t1", 5));
                        Bridge sender = sender(a, b);
                        survivor = sender == a ? b : a;
                        sender.close();
                        died = System.nanoTime();
                        portal.close(); // ...and the portal goes away with the command unanswered
                    }
                    JsonNode timedOut = reply(game, "t1");
                    assertEquals("timeout", timedOut.get("status").asText(), timedOut.toString());
                    LOG.info("abandoned write answered 'timeout' {} ms after its bridge stopped (write timeout {} ms, "
                            + "lease {} ms)", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - died),
                            writeTimeout.toMillis(), LEASE.toMillis());
                    assertTrue(survivor.store().inTransaction(tx -> tx.toy(UID)).orElseThrow().writePending(),
                            "written when the toy is next read");
                }
            }
        }
    }

    /** Which of the two sent the tag write (the update request went to one of the share group). */
    private static Bridge sender(Bridge a, Bridge b) {
        return Await.value("a bridge to send the write", () -> Stream.of(a, b)
                .filter(x -> x.counters().get(Counter.TOY_WRITES_SENT) == 1).findFirst(), WAIT);
    }

    private static SimTag blaze() {
        return SimTag.toy(UID, new ToyRecord(12, 1, new CoCreation("Blaze", new Colours(0xFF4400, 0x222222, 0xFFFFFF),
                Upgrades.of(2), 90, 1)));
    }

    private static String request(String id, long xp) {
        return "{\"correlationId\":\"" + id + "\",\"replyTo\":\"game/replies/test\",\"action\":\"awardXp\","
                + "\"amount\":" + xp + "}";
    }

    private static JsonNode reply(Collector game, String id) throws InterruptedException {
        return game.await("game/replies/test", "\"" + id + "\"", WAIT).json();
    }
}
