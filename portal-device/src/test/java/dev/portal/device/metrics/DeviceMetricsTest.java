package dev.portal.device.metrics;

import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import dev.portal.device.sim.SimConsole;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.device.testing.TestConfigs;
import dev.portal.device.testing.TestHost;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MetricsPage;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.Mosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One portal's metrics page (scripts/portal-device --metrics-port): what its heartbeat says, and online. */
class DeviceMetricsTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void thePageShowsThePortalsLastHeartbeatAndItsLink() throws Exception {
        DeviceConfig config = TestConfigs.config("metered", MOSQUITTO.broker(), dir, 2);
        try (SimulatedHardware hw = SimulatedHardware.open(2, 1);
             DeviceService service = PortalAssembly.assemble(config, hw.readers(), hw.lights(),
                     new BootClock(true), () -> { });
             DeviceMetrics metrics = DeviceMetrics.serve(service, config.deviceId(), 0)) {
            service.start();
            SimConsole console = new SimConsole(hw.portal(), new ToyCatalogue(TestHost.KEY), service,
                    new PrintStream(OutputStream.nullOutputStream()));
            assertEquals(0, console.run(new BufferedReader(new StringReader("place 0 dragon\nplace 1 04C0FFEE000001")),
                    true));
            Await.until("both toys on the pads", () -> service.slots().snapshot().size() == 2, WAIT);
            Await.until("the link up", () -> service.deliveryStats().connected(), WAIT);
            Await.until("a heartbeat that counts both toys", () -> { // the tag count follows the slots a moment later
                service.heartbeatNow();
                return service.lastHeartbeat().orElseThrow().tagsPresent() == 2;
            }, WAIT);

            // A page read while no heartbeat went out (the service sends them on its own too), with the live
            // poll count just before and just after it.
            record Reading(HealthCounters heartbeat, long pollsBefore, MetricsPage page, long pollsAfter) { }
            Reading reading = Await.value("a page between two heartbeats", () -> {
                HealthCounters before = service.lastHeartbeat().orElseThrow();
                long pollsBefore = service.health().polls.get();
                MetricsPage read = MetricsPage.fetch(metrics.port());
                long pollsAfter = service.health().polls.get();
                return before == service.lastHeartbeat().orElseThrow()
                        ? Optional.of(new Reading(before, pollsBefore, read, pollsAfter)) : Optional.empty();
            }, WAIT);
            HealthCounters heartbeat = reading.heartbeat();
            MetricsPage page = reading.page();
            long pollsBefore = reading.pollsBefore();
            long pollsAfter = reading.pollsAfter();
            String device = "{device=\"metered\"}";
            assertEquals(1, page.value("portal_device_online" + device));
            assertEquals(2, heartbeat.tagsPresent());
            assertEquals(heartbeat.tagsPresent(), page.value("portal_device_tags_present" + device));
            assertEquals(heartbeat.pollsPerSecond(), page.value("portal_device_polls_per_second" + device));
            assertEquals(heartbeat.readErrors(), page.value("portal_device_read_errors_total" + device));
            assertEquals(heartbeat.readerResets(), page.value("portal_device_reader_resets_total" + device));
            assertEquals(heartbeat.outboxDepth(), page.value("portal_device_outbox_depth" + device));
            assertEquals(0, page.value("portal_device_resend_requests_total" + device));
            assertEquals(0, page.value("portal_device_frames_resent_total" + device));
            assertEquals(0, page.value("portal_device_resends_refused_total" + device));
            double polls = page.value("portal_device_polls_total" + device);
            assertTrue(pollsBefore > 0 && polls >= pollsBefore && polls <= pollsAfter, "the live poll count: " + polls);
        }
    }
}
