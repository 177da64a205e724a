package dev.portal.demo;

import dev.portal.bridge.telemetry.Counter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.device.sim.SimulatedPortal;
import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.link.Qos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The scripted session played on the real portal service in simulation, with the lines a person types at its
 * console: chip models behind the real MFRC522 driver, the real outbox and MQTT client. The sample game server reacts to
 * what it sees: the first toy recognised wins a battle and is awarded XP, which the bridge writes onto its tag;
 * the script later lifts that toy and puts it back, and the XP read from the tag is checked.
 */
final class DeviceDemoSession {
    static final long AWARD = 500;
    static final String SCRIPT = String.join("\n",
            "sleep 1200",
            "place 0 dragon",
            "sleep 1500",
            "place 1 knight",
            "sleep 1000",
            "move knight 0",
            "sleep 1000",
            "place 1 tampered",
            "sleep 1000",
            "remove tampered",
            "sleep 800",
            "place 1 blank",
            "sleep 1000",
            "remove blank",
            "sleep 1000",
            "remove dragon",
            "sleep 1000",
            "place 1 dragon",
            "sleep 1500",
            "remove dragon",
            "remove knight",
            "sleep 1500",
            "");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Bridge bridge;
    private final GameView view;
    private final SampleGameServer server;
    private final SimulatedPortal portal;
    private final List<String> problems = new ArrayList<>();

    DeviceDemoSession(Bridge bridge, GameView view, SampleGameServer server, SimulatedPortal portal) {
        this.bridge = bridge;
        this.view = view;
        this.server = server;
        this.portal = portal;
    }

    DemoSummary play() throws Exception {
        view.say("-- the portal service starts on simulated chips; a player works its console:");
        // the player's lines run at their own pace on this thread while the game server reacts on this one
        int[] failures = {0};
        Thread player = Thread.ofPlatform().name("demo-player").start(() -> {
            try {
                failures[0] = portal.console().run(new BufferedReader(new StringReader(SCRIPT)), false);
            } catch (IOException e) {
                failures[0]++; // a StringReader does not fail
            }
        });
        try {
            JsonNode first = view.awaitEvent(0, e -> type(e, "recognised"), WAIT);
            String hero = first.path("uid").asText();
            String name = first.at("/profile/name").asText();
            long xpBefore = first.at("/profile/xp").asLong();
            view.say("-- the game server: \"" + name + "\" joins the battle and wins: award " + AWARD + " XP");
            JsonNode reply = server.awardXp(hero, AWARD).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            expect("written".equals(reply.path("status").asText()), "the award was not written: " + reply);
            interference();
            // the script lifts the toy and puts it back: the read after that removal comes from the tag
            JsonNode lifted = view.awaitEvent(0, removed(hero), WAIT);
            int liftedAt = view.indexOf(lifted);
            JsonNode reread = view.awaitEvent(liftedAt + 1, e -> type(e, "recognised")
                    && e.path("uid").asText().equals(hero), WAIT);
            long xpReadBack = reread.at("/profile/xp").asLong();
            view.say("-- " + name + " was put back: the portal read " + xpReadBack + " XP from its tag");
            expect(xpReadBack == xpBefore + AWARD, "XP read back " + xpReadBack + " != " + (xpBefore + AWARD));
            player.join(WAIT);
            expect(!player.isAlive(), "the player's script did not finish");
            expect(failures[0] == 0, failures[0] + " lines of the player's script failed");
            // the script ends by lifting every toy: the session is over once the game has seen the last go
            int rereadAt = view.indexOf(reread);
            view.awaitEvent(rereadAt + 1, removed(hero), WAIT);
            String knight = portal.catalogue().resolve("knight").orElseThrow().hex();
            view.awaitEvent(rereadAt + 1, removed(knight), WAIT);
            bridge.awaitIdle();
            expect(view.counts().getOrDefault("tampered", 0) >= 1, "the tampered toy was not reported");
            expect(view.counts().getOrDefault("blank", 0) >= 1, "the blank toy was not reported");
            expect(view.deadLetters() >= 1, "the corrupted frame was not refused");
            int sessions = bridge.store().inTransaction(tx -> tx.sessions(hero)).size();
            expect(sessions == 2, name + " should have 2 play sessions, has " + sessions);
            return new DemoSummary(name, view.counts(), view.deadLetters(), bridge.counters().get(Counter.TOY_WRITES_CONFIRMED),
                    xpBefore, AWARD, xpReadBack, sessions, List.copyOf(problems));
        } finally {
            player.interrupt(); // stops the script in a sleep when the session failed early
            player.join(WAIT);
        }
    }

    /** Someone else's broken client publishes garbage on the portal's topic: the bridge refuses it. */
    private void interference() throws Exception {
        view.say("-- interference: a corrupted frame arrives on the portal's topic");
        try (BrokerLink link = BrokerSettings.plain(bridge.serverUri(), "demo-noise-" + System.nanoTime())
                .linkBuilder().build()) {
            link.connect(Duration.ofSeconds(10));
            link.publish(PortalTopics.evt(DeviceId.of("sim-portal")),
                    "\u0010garbage-on-the-wire".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false)
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private static boolean type(JsonNode e, String type) {
        return e.path("event").asText().equals(type);
    }

    private static Predicate<JsonNode> removed(String uid) {
        return e -> type(e, "removed") && e.path("uid").asText().equals(uid);
    }

    private void expect(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
