package dev.portal.bridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.link.Qos;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scripted session played by the real portal service in simulation (portal-device --simulate --script):
 * chip models behind the real MFRC522 driver, the real outbox and MQTT client. The sample game server reacts to
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
            "quit", "");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Bridge bridge;
    private final GameView view;
    private final SampleGameServer server;
    private final Path deviceScript;
    private final Path work;
    private final List<String> problems = new ArrayList<>();

    DeviceDemoSession(Bridge bridge, GameView view, SampleGameServer server, Path deviceScript, Path work) {
        this.bridge = bridge;
        this.view = view;
        this.server = server;
        this.deviceScript = deviceScript;
        this.work = work;
    }

    DemoSummary play() throws Exception {
        Path play = Files.writeString(work.resolve("session.play"), SCRIPT);
        Path log = work.resolve("portal-device.log");
        view.say("-- starting the portal service in simulation: " + deviceScript.getFileName()
                + " --simulate --script session.play (its log: " + log + ")");
        Process device = new ProcessBuilder(deviceScript.toString(), "--simulate", "--script", play.toString(),
                "--broker", bridge.serverUri(), "--data", work.resolve("portal").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            JsonNode first = view.awaitEvent(0, e -> type(e, "recognised"), Duration.ofSeconds(90));
            String hero = first.path("uid").asText();
            String name = first.at("/profile/name").asText();
            long xpBefore = first.at("/profile/xp").asLong();
            view.say("-- the game server: \"" + name + "\" joins the battle and wins: award " + AWARD + " XP");
            JsonNode reply = server.awardXp(hero, AWARD).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            expect("written".equals(reply.path("status").asText()), "the award was not written: " + reply);
            interference();
            // the script lifts the toy and puts it back: the read after that removal comes from the tag
            JsonNode lifted = view.awaitEvent(0, e -> type(e, "removed") && e.path("uid").asText().equals(hero),
                    Duration.ofSeconds(60));
            int liftedAt = view.indexOf(lifted);
            JsonNode reread = view.awaitEvent(liftedAt + 1, e -> type(e, "recognised")
                    && e.path("uid").asText().equals(hero), Duration.ofSeconds(60));
            long xpReadBack = reread.at("/profile/xp").asLong();
            view.say("-- " + name + " was put back: the portal read " + xpReadBack + " XP from its tag");
            expect(xpReadBack == xpBefore + AWARD, "XP read back " + xpReadBack + " != " + (xpBefore + AWARD));
            if (!device.waitFor(60, TimeUnit.SECONDS)) {
                problems.add("the portal service did not finish its script");
            } else if (device.exitValue() != 0) {
                problems.add("the portal service exited with " + device.exitValue() + " (see " + log + ")");
            }
            Thread.sleep(500);
            bridge.awaitIdle();
            expect(view.counts().getOrDefault("tampered", 0) >= 1, "the tampered toy was not reported");
            expect(view.counts().getOrDefault("blank", 0) >= 1, "the blank toy was not reported");
            expect(view.deadLetters() >= 1, "the corrupted frame was not refused");
            int sessions = bridge.store().inTransaction(tx -> tx.sessions(hero)).size();
            expect(sessions == 2, name + " should have 2 play sessions, has " + sessions);
            return new DemoSummary(name, view.counts(), view.deadLetters(), bridge.counters().get("toyWritesConfirmed"),
                    xpBefore, AWARD, xpReadBack, sessions, List.copyOf(problems));
        } finally {
            if (device.isAlive()) {
                device.destroy();
                if (!device.waitFor(10, TimeUnit.SECONDS)) {
                    device.destroyForcibly();
                }
            }
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

    private void expect(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
