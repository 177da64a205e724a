package dev.portal.demo;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.metrics.MetricsServer;
import dev.portal.device.sim.SimulatedPortal;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MetricsPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's scripted session with the bridge's metrics page open, read as Prometheus would once the session is
 * over: its numbers are what the game server saw and what the session's summary says.
 */
class DemoMetricsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void afterTheDemoSessionTheMetricsPageCountsWhatHappened() throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        DemoMain demo = new DemoMain(InputStream.nullInputStream(), quiet);
        try (Bridge bridge = Bridge.start(DemoMain.bridgeConfig(DemoMain.freePort(), dir));
             MetricsServer metrics = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     bridge.metrics().registry());
             GameView view = new GameView(bridge.serverUri(), quiet);
             SampleGameServer server = new SampleGameServer(bridge.serverUri(), "sample-server");
             SimulatedPortal portal = demo.startPortal(bridge, dir)) {
            DemoSummary summary = new DeviceDemoSession(bridge, view, server, portal).play();
            assertTrue(summary.ok(), summary.text());

            int eventsSeen = Await.value("every event published reaching the game view", () -> {
                int seen = view.counts().values().stream().mapToInt(Integer::intValue).sum();
                double published = MetricsPage.fetch(metrics.port()).value("portal_bridge_events_published_total");
                return seen == published ? java.util.Optional.of(seen) : java.util.Optional.empty();
            }, WAIT);
            MetricsPage page = MetricsPage.fetch(metrics.port());
            assertEquals(eventsSeen, page.value("portal_bridge_events_published_total"));
            assertEquals(summary.events().get("placed"), (int) page.value("portal_bridge_placement_to_event_seconds_count"),
                    "one latency per placement");
            assertEquals(summary.toyWritesConfirmed(), page.value("portal_bridge_tag_writes_total{outcome=\"confirmed\"}"));
            double refusals = page.samples().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("portal_bridge_refusals_total{"))
                    .mapToDouble(java.util.Map.Entry::getValue).sum();
            assertEquals(view.deadLetters(), refusals, "every refusal of the session was published");
            assertEquals(1, page.value("portal_bridge_refusals_total{reason=\"undecodable\"}"), "the corrupted frame");
            assertEquals(1, page.value("portal_device_online{device=\"sim-portal\"}"));
            portal.service().heartbeatNow(); // the session is shorter than the heartbeat interval
            double polls = Await.value("the portal's heartbeat on the page", () -> java.util.Optional.ofNullable(
                    MetricsPage.fetch(metrics.port()).samples().get("portal_device_polls_per_second{device=\"sim-portal\"}")),
                    WAIT);
            assertTrue(polls > 0, "its pads poll: " + polls);
            assertEquals(page.value("portal_bridge_frames_received_total"),
                    page.value("portal_bridge_frames_applied_total") + page.value("portal_bridge_frames_duplicate_total")
                            + refusalsOfFrames(page), "every frame the portal sent was applied, dropped or refused");
        }
    }

    /** Refusals that are frames (the others are update requests and statuses). */
    private static double refusalsOfFrames(MetricsPage page) {
        return java.util.stream.Stream.of("undecodable", "device-mismatch", "unexpected-command", "untrusted-verdict",
                        "too-many-portals", "too-many-boots", "apply-failed", "oversized")
                .mapToDouble(reason -> page.value("portal_bridge_refusals_total{reason=\"" + reason + "\"}")).sum();
    }
}
