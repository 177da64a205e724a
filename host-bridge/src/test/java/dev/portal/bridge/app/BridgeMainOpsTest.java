package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MetricsPage;
import dev.portal.testsupport.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's options of scripts/bridge: the metrics page and JSON log lines, on a bridge run as a process. */
class BridgeMainOpsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static BridgeMain parse(String... args) {
        BridgeMain main = new BridgeMain();
        new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return main;
    }

    @Test
    void metricsAreOnByDefaultAtTheDocumentedPortOnLoopbackAndTextLogs() {
        BridgeMain main = parse();
        assertEquals(9480, main.metricsPort);
        assertEquals("127.0.0.1", main.metricsAddress);
        assertEquals(dev.portal.bridge.telemetry.LogFormat.TEXT, main.logFormat);
        assertEquals(null, main.homeAssistantPrefix, "no Home Assistant unless asked");
        assertEquals("homeassistant", parse("--homeassistant").homeAssistantPrefix);
        assertEquals("ha/portals", parse("--homeassistant", "ha/portals").homeAssistantPrefix);
        assertEquals(dev.portal.bridge.telemetry.LogFormat.JSON, parse("--log-format", "json").logFormat);
    }

    @Test
    void aBridgeProcessServesItsMetricsAndLogsJsonLines() throws Exception {
        int metrics = Ports.free();
        Path log = dir.resolve("bridge.err");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                BridgeMain.class.getName(), "--port", String.valueOf(Ports.free()), "--data-dir",
                dir.resolve("data").toString(), "--metrics-port", String.valueOf(metrics), "--log-format", "json");
        Process bridge = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            MetricsPage page = Await.value("the bridge's metrics page", () -> {
                if (!bridge.isAlive()) {
                    throw new AssertionError("the bridge stopped: " + Files.readString(log));
                }
                try {
                    return java.util.Optional.of(MetricsPage.fetch(metrics));
                } catch (java.io.IOException notYet) {
                    return java.util.Optional.empty();
                }
            }, Duration.ofSeconds(60));
            assertEquals(0, page.value("portal_bridge_frames_received_total"));
            assertEquals(1, page.value("portal_bridge_store_available"));
        } finally {
            bridge.destroy(); // SIGTERM: the bridge stops cleanly
            assertTrue(bridge.waitFor(30, TimeUnit.SECONDS), "the bridge stops on SIGTERM");
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("{")).toList();
        assertFalse(lines.isEmpty(), "no JSON lines in:\n" + Files.readString(log));
        boolean running = false;
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line); // each line one JSON object
            assertTrue(entry.has("level") && entry.has("loggerName") && entry.has("timestamp"), line);
            running |= entry.path("formattedMessage").asText().startsWith("bridge running on");
        }
        assertTrue(running, "the log says the bridge runs, with its message filled in: " + lines);
    }
}
