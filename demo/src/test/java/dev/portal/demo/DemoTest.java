package dev.portal.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the demo's scripted session in-process: embedded HiveMQ, the bridge, the portal service on chip models, the sample game server. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void theScriptedSessionEndsWithASummaryThatSaysItAllWorked() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoMain demo = new DemoMain(InputStream.nullInputStream(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        new CommandLine(demo).parseArgs("--data-dir", dir.toString(), "--studio-port", "0");
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
        assertTrue(out.contains("refused undecodable"), out);
        assertTrue(out.contains("reply   sample-server-1 written"), out);
        assertTrue(out.contains("placed 04D7A9C1E25B80 on pad 0"), "the portal console's own words show: " + out);
        assertTrue(Pattern.compile("(?m)^studio: http://127\\.0\\.0\\.1:\\d+/$").matcher(out).find(),
                "the studio's address on a line of its own: " + out);
        assertTrue(Pattern.compile("(?m)^web code  dragon  04D7A9C1E25B80  [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$").matcher(out).find(),
                "the sample toys' web codes, to claim them in the studio: " + out);
    }
}
