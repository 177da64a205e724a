package dev.portal.bridge.shared;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.bridge.broker.EmbeddedBroker;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandBody;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.id.Uid;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.Ports;
import dev.portal.testsupport.ThrowawayPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two bridges in one share group on Mosquitto, which hands a group's messages to its members strictly in turn,
 * so every portal's frames alternate between the bridges; the bridges share one PostgreSQL database.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SharedBridgesTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ThrowawayPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        postgres = ThrowawayPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static BridgeConfig config(Mosquitto broker, Path dir, String clientId, String url, Duration wait) {
        return config(broker.uri(), dir, clientId, url, wait);
    }

    private static BridgeConfig config(String brokerUri, Path dir, String clientId, String url, Duration wait) {
        return BridgeConfig.defaults(BrokerSettings.plain(brokerUri, clientId), dir.resolve(clientId))
                .withToyKey(SimTag.KEY).withSharedGroup("bridges").withSharedWait(wait)
                .withStore(new BridgeConfig.StoreUrl(url, Optional.of(ThrowawayPostgres.USER),
                        Optional.of(postgres.password())));
    }

    @Test
    void everyFrameOfEveryPortalIsAppliedOnceAndInOrderWhicheverBridgeGetsIt(Mosquitto broker) throws Exception {
        playAndCheck(broker.uri());
    }

    /** HiveMQ CE queues a group's messages and lets its members pull them: no turn, no affinity either. */
    @Test
    void theSameOnTheEmbeddedHiveMqBroker() throws Exception {
        int port = Ports.free();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("hivemq"), "127.0.0.1", port)) {
            playAndCheck(broker.serverUri());
        }
    }

    private void playAndCheck(String brokerUri) throws Exception {
        String url = postgres.newDatabase();
        int portals = 3;
        int cycles = 25;
        try (Bridge a = Bridge.start(config(brokerUri, dir, "bridge-a", url, WAIT));
             Bridge b = Bridge.start(config(brokerUri, dir, "bridge-b", url, WAIT));
             Collector game = new Collector(brokerUri, "game/events", "game/deadletter")) {
            List<FramePortal> started = new ArrayList<>();
            try {
                for (int p = 0; p < portals; p++) {
                    FramePortal portal = new FramePortal(brokerUri, "rr-portal-" + p, 1, Clock.systemUTC());
                    started.add(portal);
                    portal.start();
                }
                for (int c = 0; c < cycles; c++) {
                    for (int p = 0; p < portals; p++) {
                        started.get(p).place(0, c % 4, SimTag.blank(uid(p, c)));
                        started.get(p).lift(0, c % 4);
                    }
                }
                // A Birth, then per toy: TagPlaced, its read, TagRemoved, and the portal's answer to the verdict
                // the bridge sends for its light.
                long sent = portals * (1 + 4L * cycles);
                Await.until("both bridges to apply every frame", () -> applied(a, b) >= sent, WAIT);
                a.awaitIdle();
                b.awaitIdle();
                assertEquals(sent, sent(started), "what the portals sent");
                assertTrue(a.counters().get(Counter.FRAMES_RECEIVED) > sent / 10
                        && b.counters().get(Counter.FRAMES_RECEIVED) > sent / 10,
                        "each bridge gets a share: " + a.counters().get(Counter.FRAMES_RECEIVED)
                                + " and " + b.counters().get(Counter.FRAMES_RECEIVED) + " of " + sent);
                for (int p = 0; p < portals; p++) {
                    for (int c = 0; c < cycles; c++) {
                        String uid = uid(p, c);
                        List<PlaySession> sessions = a.store().inTransaction(tx -> tx.sessions(uid));
                        assertEquals(1, sessions.size(), uid + " was placed once: " + sessions);
                        assertTrue(sessions.getFirst().endedMillis() != null, uid + " was lifted: " + sessions);
                    }
                }
                for (int p = 0; p < portals; p++) {
                    String device = "rr-portal-" + p;
                    assertEquals(List.of(), a.store().inTransaction(tx -> tx.placements(device)),
                            "every lift came after its placement");
                }
                assertEquals(sent, applied(a, b), "each frame applied once, by one bridge");
                Await.until("every event heard", () -> events(game).stream()
                        .filter(e -> e.get("event").asText().equals("removed")).count() >= portals * cycles, WAIT);
                assertEquals(events(game).size(), events(game).stream().map(e -> e.get("eventId").asText())
                        .distinct().count(), "each event published by one bridge, once");
                for (int p = 0; p < portals; p++) {
                    for (int c = 0; c < cycles; c++) {
                        String uid = uid(p, c);
                        List<String> kinds = events(game).stream().filter(e -> e.toString().contains(uid))
                                .map(e -> e.get("event").asText()).filter(k -> k.equals("placed") || k.equals("removed")).toList();
                        assertEquals(List.of("placed", "removed"), kinds, uid + "'s events in order");
                    }
                }
                assertEquals(List.of(), game.all().stream().filter(m -> m.topic().equals("game/deadletter")).toList(),
                        "nothing refused");
            } finally {
                started.forEach(FramePortal::close);
            }
        }
    }

    @Test
    void aFrameWhosePredecessorNeverComesWaitsParkedThenGoesOnAndThePortalIsAskedForABirth(Mosquitto broker)
            throws Exception {
        String url = postgres.newDatabase();
        try (Bridge a = Bridge.start(config(broker, dir, "bridge-a", url, Duration.ofSeconds(2)));
             Bridge b = Bridge.start(config(broker, dir, "bridge-b", url, Duration.ofSeconds(2)));
             Collector game = new Collector(broker.uri(), "game/events", "portal/+/cmd")) {
            game.publish("portal/p-gap/evt", frame(9, 0, birth("p-gap")));
            game.publish("portal/p-gap/evt", frame(9, 2, placed(1, 7)));
            // First the portal is asked for the missing frame (it never sends it), then the wait ends.
            assertEquals(new ResendFrames(9, 1, 1), command(game, ResendFrames.class));
            JsonNode placed = game.await("game/events", "04070909", WAIT).json();
            assertEquals("placed", placed.get("event").asText(), "applied across the gap once the wait ended");
            command(game, Rebirth.class);
            assertEquals(1, a.counters().get(Counter.GAPS) + b.counters().get(Counter.GAPS));
            Await.until("nothing parked any more", () -> a.store().inTransaction(tx ->
                    tx.sharedStreams().parked("p-gap")).isEmpty(), WAIT);
        }
    }

    /**
     * A frame the broker acknowledged to the portal but gave to no bridge (Mosquitto after its restart, before
     * the bridges subscribed again): the bridges ask the portal for it, the portal sends it again, and it is
     * applied in its place long before the wait would have given it up.
     */
    @Test
    void aFrameNoBridgeReceivedIsAskedForAndAppliedInItsPlace(Mosquitto broker) throws Exception {
        String url = postgres.newDatabase();
        try (Bridge a = Bridge.start(config(broker, dir, "bridge-a", url, WAIT));
             Bridge b = Bridge.start(config(broker, dir, "bridge-b", url, WAIT));
             Collector game = new Collector(broker.uri(), "game/events", "portal/+/cmd")) {
            game.publish("portal/p-lost/evt", frame(5, 0, birth("p-lost")));
            game.publish("portal/p-lost/evt", frame(5, 3, removed(0, 6)));
            // frames 1 (placed) and 2 (a second placed) went nowhere
            assertEquals(new ResendFrames(5, 1, 2), command(game, ResendFrames.class));
            game.publish("portal/p-lost/evt", replayed(5, 2, placed(1, 7)));
            game.publish("portal/p-lost/evt", replayed(5, 1, placed(0, 6)));
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                order.add(game.await(m -> m.topic().equals("game/events")
                        && (m.text().contains("04060909") || m.text().contains("04070909")), WAIT).text());
            }
            assertTrue(order.get(0).contains("\"placed\"") && order.get(0).contains("04060909"), order.toString());
            assertTrue(order.get(1).contains("\"placed\"") && order.get(1).contains("04070909"), order.toString());
            assertTrue(order.get(2).contains("\"removed\"") && order.get(2).contains("04060909"), order.toString());
            assertEquals(0, a.counters().get(Counter.GAPS) + b.counters().get(Counter.GAPS), "no frame given up");
            long asked = a.counters().get(Counter.RESEND_REQUESTS) + b.counters().get(Counter.RESEND_REQUESTS);
            assertTrue(asked >= 1 && asked <= 2, "each bridge asks at most once in two seconds: " + asked);
        }
    }

    /** The last frames before a restart reached no bridge, and no later frame of that boot shows they are missing. */
    @Test
    void theLastFramesOfABootBeforeARestartAreAskedForWhenTheNextBootIsBorn(Mosquitto broker) throws Exception {
        String url = postgres.newDatabase();
        try (Bridge a = Bridge.start(config(broker, dir, "bridge-a", url, WAIT));
             Bridge b = Bridge.start(config(broker, dir, "bridge-b", url, WAIT));
             Collector game = new Collector(broker.uri(), "game/events", "portal/+/cmd")) {
            game.publish("portal/p-tail/evt", frame(5, 0, birth("p-tail")));
            Await.until("the first boot is applied", () -> applied(a, b) == 1, WAIT);
            // frame 1 of boot 5 (a toy put down) went nowhere; the portal restarted
            game.publish("portal/p-tail/evt", frame(6, 0, birth("p-tail")));
            assertEquals(new ResendFrames(5, 1, ResendFrames.MAX_SPAN), command(game, ResendFrames.class));
            game.publish("portal/p-tail/evt", replayed(5, 1, placed(0, 5)));
            assertEquals("placed", game.await("game/events", "04050909", WAIT).json().get("event").asText());
        }
    }

    @Test
    void framesOfANewPortalThatOvertakeItsBirthWaitForItWhicheverBridgeHasIt(Mosquitto broker) throws Exception {
        String url = postgres.newDatabase();
        try (Bridge a = Bridge.start(config(broker, dir, "bridge-a", url, WAIT));
             Bridge b = Bridge.start(config(broker, dir, "bridge-b", url, WAIT));
             Collector game = new Collector(broker.uri(), "game/events", "game/deadletter")) {
            game.publish("portal/p-late/evt", frame(3, 1, placed(0, 8)));
            game.publish("portal/p-late/evt", frame(3, 2, removed(0, 8)));
            game.publish("portal/p-late/evt", frame(3, 0, birth("p-late")));
            assertEquals("placed", game.await("game/events", "04080909", WAIT).json().get("event").asText());
            assertEquals("removed", game.await("game/events", "04080909", WAIT).json().get("event").asText());
            assertEquals(3, a.counters().get(Counter.FRAMES_APPLIED) + b.counters().get(Counter.FRAMES_APPLIED));
            assertEquals(List.of(), game.all().stream().filter(m -> m.topic().equals("game/deadletter")).toList());
        }
    }

    private static long sent(List<FramePortal> portals) {
        return portals.stream().mapToLong(FramePortal::framesSent).sum();
    }

    private static long applied(Bridge a, Bridge b) {
        return a.counters().get(Counter.FRAMES_APPLIED) + b.counters().get(Counter.FRAMES_APPLIED);
    }

    private static List<JsonNode> events(Collector game) {
        return game.all().stream().filter(m -> m.topic().equals("game/events")).map(Collector.Received::json).toList();
    }

    private static String uid(int portal, int cycle) {
        return String.format("04%02X%02XAA55AA01", portal, cycle);
    }

    private static byte[] frame(long boot, long seq, Message message) {
        return FrameCodec.encode(new Frame(Header.of(boot, seq, System.currentTimeMillis(), true), message));
    }

    private static byte[] replayed(long boot, long seq, Message message) {
        Header header = Header.of(boot, seq, System.currentTimeMillis(), true).withReplayed(true);
        return FrameCodec.encode(new Frame(header, message));
    }

    /** The next command on portal/+/cmd of this kind, as the portal decodes it. */
    private static <T extends CommandBody> T command(Collector game, Class<T> kind) throws Exception {
        Collector.Received m = game.await(r -> r.topic().endsWith("/cmd") && decodes(r.payload(), kind), WAIT);
        return kind.cast(((Command) FrameCodec.decode(m.payload()).message()).body());
    }

    private static boolean decodes(byte[] payload, Class<? extends CommandBody> kind) {
        try {
            return FrameCodec.decode(payload).message() instanceof Command c && kind.isInstance(c.body());
        } catch (FrameException e) {
            return false;
        }
    }

    private static Birth birth(String deviceId) {
        return new Birth(deviceId, "test-1", Set.of(Capability.TOY_WRITE), List.of(new PadInfo(0, 2, "test")),
                new Calibration(List.of()), 1);
    }

    private static TagPlaced placed(int slot, int uidByte) {
        return new TagPlaced(0, slot, Uid.of(new byte[] {4, (byte) uidByte, 9, 9}), TagType.NTAG215);
    }

    private static TagRemoved removed(int slot, int uidByte) {
        return new TagRemoved(0, slot, Uid.of(new byte[] {4, (byte) uidByte, 9, 9}), 10);
    }
}
