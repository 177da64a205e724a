package dev.portal.bridge.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the demo's main path in-process: embedded HiveMQ, the bridge, a simulated portal, the sample game server. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void withThePortalServiceInSimulationTheSessionEndsWithASummaryThatSaysItAllWorked() throws Exception {
        Path script = Path.of("..", "scripts", "portal-device").toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(script), "the demo needs " + script);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoMain demo = new DemoMain(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        new CommandLine(demo).parseArgs("--portal", "device", "--data-dir", dir.toString());
        DemoSummary summary = demo.run();
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(summary.ok(), summary.problems() + "\n" + out);
        assertEquals("Ember", summary.heroName());
        assertEquals(summary.xpBefore() + 500, summary.xpReadBack());
        assertEquals(2, summary.sessionsOfHero());
        assertTrue(summary.events().get("placed") >= 6, out);
        assertEquals(1, summary.events().get("tampered"), out);
        assertTrue(out.contains("Ember's XP: 1200 + 500 awarded = 1700 read back from the tag"), out);
        assertTrue(out.contains("DEMO OK"), out);
        assertTrue(out.contains("event   TAMPERED"), out);
        assertTrue(out.contains("reply   sample-server-1 written"), out);
    }

    @Test
    void withTheBuiltInPortalTheSessionEndsWithASummaryThatSaysItAllWorked() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoMain demo = new DemoMain(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        new CommandLine(demo).parseArgs("--portal", "builtin", "--pace-ms", "20", "--data-dir", dir.toString());
        DemoSummary summary = demo.run();
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(summary.ok(), summary.problems().toString());
        assertEquals(650, summary.xpReadBack());
        assertEquals(1, summary.toyWritesConfirmed());
        assertEquals(2, summary.sessionsOfHero());
        assertEquals(6, summary.events().get("placed"));
        assertEquals(6, summary.events().get("removed"));
        assertEquals(1, summary.events().get("tampered"));
        assertTrue(out.contains("Blaze's XP: 150 + 500 awarded = 650 read back from the tag"), out);
        assertTrue(out.contains("DEMO OK"), out);
        assertTrue(out.contains("refused undecodable"), out);
        assertTrue(out.contains("reply   sample-server-1 written"), out);
    }
}
