package dev.portal.bridge.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MetricsPage;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session like the demo's (a portal comes online, reports its health, a toy is placed, gets XP from a game
 * server and is lifted, plus a repeated frame and a garbled one), then the metrics page as Prometheus reads it:
 * each number is what happened.
 */
class MetricsAfterASessionTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String UID = "04A1B2C3D4E5F6";

    @TempDir
    Path dir;

    static String request(String id, String body) {
        return "{\"correlationId\":\"" + id + "\",\"replyTo\":\"game/replies/test\"," + body + "}";
    }

    @Test
    void thePageCountsWhatTheSessionDid(Mosquitto broker) throws Exception {
        BridgeConfig config = BridgeConfig.defaults(BrokerSettings.plain(broker.uri(), "bridge-metrics"), dir)
                .withToyKey(SimTag.KEY).withTimings(Duration.ofMillis(200), Duration.ofSeconds(3));
        SimTag tag = SimTag.toy(UID, new ToyRecord(12, 1, new CoCreation("Blaze",
                new Colours(0xFF4400, 0x222222, 0xFFFFFF), Upgrades.of(2), 90, 1)));
        try (Bridge bridge = Bridge.start(config);
             MetricsServer server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     bridge.metrics().registry());
             Collector game = new Collector(broker.uri(), "game/#");
             FramePortal portal = new FramePortal(broker.uri(), "kitchen", 2, Clock.systemUTC())) {
            portal.start();
            portal.heartbeat(60); // 20 polls/s
            portal.place(1, 0, tag);
            game.await("game/events", "\"recognised\"", WAIT);
            game.publish("game/toys/" + UID + "/update", request("r1", "\"action\":\"awardXp\",\"amount\":150"));
            assertEquals("written", game.await("game/replies/test", "r1", WAIT).json().get("status").asText());
            game.publish("game/toys/" + UID + "/update", request("r2", "\"action\":\"rename\",\"name\":\""
                    + "a name far too long for the tag\""));
            assertEquals("rejected", game.await("game/replies/test", "r2", WAIT).json().get("status").asText());
            byte[] lifted = portal.send(new dev.portal.protocol.frame.TagRemoved(1, 0, tag.uid(), 1000));
            game.await("game/events", "\"removed\"", WAIT);
            portal.sendRaw(lifted);                            // a repeat
            portal.sendRaw(new byte[] {1, 2, 3});              // garbage
            Await.until("the bridge to refuse the garbage",
                    () -> bridge.counters().deadLetters(dev.portal.bridge.telemetry.Refusal.UNDECODABLE) == 1, WAIT);
            Await.until("the bridge to apply every frame the portal sent", () -> bridge.counters()
                    .get(dev.portal.bridge.telemetry.Counter.FRAMES_APPLIED) == portal.framesSent(), WAIT);
            bridge.awaitIdle();
            long events = game.all().stream().filter(r -> r.topic().equals("game/events")).count();
            Await.until("the broker to confirm every event", () -> MetricsPage.fetch(server.port())
                    .value("portal_bridge_outbox_events_waiting") == 0, WAIT);

            // The per-portal figures come with the portal's retained document, which is paced (at most one per
            // portal per interval): the heartbeat's may follow the Birth's a moment later.
            Await.until("the portal's heartbeat figures on the page", () -> MetricsPage.fetch(server.port())
                    .samples().containsKey("portal_device_polls_per_second{device=\"kitchen\"}"), WAIT);

            MetricsPage page = MetricsPage.fetch(server.port());
            assertTrue(page.contentType().startsWith("text/plain"), page.contentType());
            // Every frame the portal sent (its answers to the verdicts and the write too) is applied; the repeat
            // and the garbage are received, not applied.
            assertEquals(portal.framesSent() + 2, page.value("portal_bridge_frames_received_total"));
            assertEquals(portal.framesSent(), page.value("portal_bridge_frames_applied_total"));
            assertEquals(1, page.value("portal_bridge_frames_duplicate_total"));
            assertEquals(1, page.value("portal_bridge_refusals_total{reason=\"undecodable\"}"));
            assertEquals(0, page.value("portal_bridge_refusals_total{reason=\"bad-request\"}"));
            assertEquals(0, page.value("portal_bridge_gaps_total"));
            assertEquals(0, page.value("portal_bridge_rebirth_requests_total{outcome=\"sent\"}"));
            assertEquals(events, page.value("portal_bridge_events_published_total"));
            assertEquals(2, page.value("portal_bridge_game_update_requests_total"));
            assertEquals(1, page.value("portal_bridge_game_updates_total{outcome=\"applied\"}"));
            assertEquals(1, page.value("portal_bridge_game_updates_total{outcome=\"rejected\"}"));
            assertEquals(1, page.value("portal_bridge_tag_writes_sent_total"));
            assertEquals(1, page.value("portal_bridge_tag_writes_total{outcome=\"confirmed\"}"));
            assertEquals(0, page.value("portal_bridge_tag_writes_total{outcome=\"timed-out\"}"));
            assertEquals(1, page.value("portal_bridge_placement_to_event_seconds_count"));
            assertTrue(page.value("portal_bridge_placement_to_event_seconds_bucket{le=\"+Inf\"}") == 1);
            assertTrue(page.value("portal_bridge_store_transaction_seconds_count{outcome=\"committed\"}")
                    >= portal.framesSent() / 2.0, "a transaction takes at most a few frames in this slow session");
            assertEquals(1, page.value("portal_bridge_store_available"));
            assertEquals(1, page.value("portal_device_online{device=\"kitchen\"}"));
            assertEquals(20.0, page.value("portal_device_polls_per_second{device=\"kitchen\"}"));
            assertEquals(0, page.value("portal_device_read_errors_total{device=\"kitchen\"}"));
            everyDashboardSeriesIsOn(page);
        }
    }

    /** The Grafana dashboard shipped with the bridge asks only for series this page has. */
    private static void everyDashboardSeriesIsOn(MetricsPage page) throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("grafana", "portal-fleet.json").toFile());
        Set<String> names = new TreeSet<>();
        Matcher series = Pattern.compile("portal_[a-z_]+").matcher(dashboard.toString());
        while (series.find()) {
            names.add(series.group());
        }
        assertTrue(names.size() > 15, "the dashboard's series: " + names);
        for (String name : names) {
            assertTrue(page.samples().keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{")),
                    "the dashboard asks for " + name + ", which the metrics page does not have");
        }
    }
}
