package dev.portal.demo;

import dev.portal.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person at {@code scripts/demo --interactive}: after the scripted session they type the portal console's words
 * and a game server's, and read what the game view prints. The toys are those the script played with, on the
 * same simulated portal, so Ember comes back with the XP the script's award wrote on its tag.
 */
class InteractiveDemoTest {
    private static final Duration SCRIPT = Duration.ofSeconds(120);
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(); // synchronized: safe to read while written
    private PipedOutputStream keyboard;
    private int turnAt;

    @Test
    void thePlayerPlacesAToyAwardsXpAndLiftsItWithTheDeviceConsolesWords() throws Exception {
        PipedInputStream stdin = new PipedInputStream(4096);
        keyboard = new PipedOutputStream(stdin);
        DemoMain demo = new DemoMain(stdin, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        new CommandLine(demo).parseArgs("--interactive", "--data-dir", dir.toString(), "--studio-port", "0");
        CompletableFuture<DemoSummary> run = CompletableFuture.supplyAsync(() -> {
            try {
                return demo.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until(() -> "the console after the script:\n" + out(), () -> out().contains("Your turn"), SCRIPT);
        turnAt = out().indexOf("Your turn");

        type("help");
        await("help lists the portal's words and the game server's", "place PAD TOY", "remove TOY", "move TOY PAD",
                "list ", "xp TOY AMOUNT", "rename TOY NAME", "upgrade TOY ID");
        type("place 0 dragon");
        awaitLine("Ember is back with the XP the script wrote on its tag",
                "event   recognised  \"Ember\" +toy 101, level \\d+, 1700 XP");
        type("xp dragon 300");
        awaitLine("the award written onto the tag on the portal", "toy +\"Ember\" +2000 XP, level \\d+, tag up to date");
        await("the game server's reply", "(the game server got: written)");
        type("list");
        awaitLine("list shows the toy on pad 0", "slot \\d+ +04D7A9C1E25B80 .*\\(dragon\\)");
        type("move dragon 1");
        awaitLine("the move, as the game sees it", "event   placed +\"Ember\" +on sim-portal pad 1");
        type("remove dragon");
        awaitLine("Ember leaves the portal", "event   removed +\"Ember\" +from sim-portal pad 1");
        type("place 7 dragon");
        await("a bad line gets the portal console's error", "error: no pad 7 (0..1)");
        type("quit");

        DemoSummary summary = run.get(STEP.toSeconds(), TimeUnit.SECONDS);
        assertTrue(summary.ok(), summary.problems() + "\n" + out());
    }

    private void type(String line) throws IOException {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** What the demo printed since the console opened. */
    private String console() {
        return out().substring(turnAt);
    }

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void await(String what, String... texts) {
        Await.until(() -> what + " in:\n" + console(), () -> {
            String seen = console();
            for (String t : texts) {
                if (!seen.contains(t)) {
                    return false;
                }
            }
            return true;
        }, STEP);
    }

    private void awaitLine(String what, String regex) {
        Pattern line = Pattern.compile(regex);
        Await.until(() -> what + " (/" + regex + "/) in:\n" + console(), () -> line.matcher(console()).find(), STEP);
    }
}
