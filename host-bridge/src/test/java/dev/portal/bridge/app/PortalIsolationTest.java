package dev.portal.bridge.app;

import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.portal.bridge.app.BridgeRobustnessTest.birth;
import static dev.portal.bridge.app.BridgeRobustnessTest.frame;
import static dev.portal.bridge.app.BridgeRobustnessTest.placed;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One portal cannot hold up or crowd out the others. A frame held for reordering keeps its acknowledgement, and
 * the broker sends the bridge only so many unacknowledged messages at once (Mosquitto: max_inflight_messages):
 * frames one portal sends out of order, or of a boot it never announced, must not fill that window for
 * everyone. Nor may a portal sending garbage fill game/deadletter.
 */
class PortalIsolationTest {
    /**
     * A window larger than what one portal may have held (32) and smaller than the crafted burst: any
     * deployment's must be larger than that (the shipped mosquitto.conf has 1,000; Mosquitto's default of 20 is not).
     */
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(broker -> BridgeBroker.configure(broker)
            .set("max_inflight_messages", 100));

    /** Frames wait this long for missing ones: far longer than the other portal may be delayed. */
    private static final Duration REORDER_WINDOW = Duration.ofSeconds(10);
    private static final Duration PROMPTLY = Duration.ofSeconds(1);
    /** More than the broker's window. */
    private static final int CRAFTED = 150;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void framesOnePortalSendsAfterAGapThatNeverClosesDoNotDelayAnotherPortal(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker));
             Collector game = new Collector(broker.uri(), "game/events")) {
            game.publish("portal/p-hostile/evt", frame(31, 0, birth("p-hostile")));
            Await.until("the Birth applied", () -> bridge.counters().get(Counter.FRAMES_APPLIED) == 1, Duration.ofSeconds(10));
            bridge.awaitIdle(); // its acknowledgement is sent: the window is empty when the crafted frames come
            for (int seq = 2; seq < 2 + CRAFTED; seq++) { // seq 1 never comes
                game.publish("portal/p-hostile/evt", frame(31, seq, heartbeat(seq)));
            }
            anotherPortalIsServedPromptly(game);
        }
    }

    @Test
    void framesOfABootAPortalNeverAnnouncedDoNotDelayAnotherPortal(Mosquitto broker) throws Exception {
        try (Bridge bridge = Bridge.start(config(broker));
             Collector game = new Collector(broker.uri(), "game/events")) {
            for (int seq = 1; seq <= CRAFTED; seq++) { // no Birth announces boot 33
                game.publish("portal/p-unborn/evt", frame(33, seq, heartbeat(seq)));
            }
            anotherPortalIsServedPromptly(game);
        }
    }

    @Test
    void aPortalSendingGarbageGetsFewDeadLettersPublishedAndAnotherPortalStillGetsItsOwn(Mosquitto broker)
            throws Exception {
        int garbage = 300;
        try (Bridge bridge = Bridge.start(config(broker));
             Collector game = new Collector(broker.uri(), "game/deadletter")) {
            long started = System.nanoTime();
            for (int i = 0; i < garbage; i++) {
                game.publish("portal/p-noisy/evt", new byte[] {1, 2, 3, (byte) i});
            }
            game.publish("portal/p-quiet/evt", new byte[] {9, 9, 9});
            game.await(r -> r.text().contains("portal/p-quiet/evt"), WAIT);
            Await.until(() -> "every message judged: " + bridge.counters().toJson(),
                    () -> bridge.counters().totalDeadLetters() == garbage + 1, Duration.ofSeconds(10));
            bridge.awaitIdle();
            double seconds = (System.nanoTime() - started) / 1e9;

            long unpublished = bridge.counters().get(Counter.DEAD_LETTERS_UNPUBLISHED);
            long published = garbage - unpublished;
            Await.until(() -> "the " + published + " published dead letters of p-noisy", () -> game.all().stream()
                    .filter(r -> r.text().contains("portal/p-noisy/evt")).count() == published, WAIT);
            assertTrue(published >= DeadLetters.BURST, "a burst is published: " + published);
            assertTrue(published <= DeadLetters.BURST + DeadLetters.PER_SECOND * seconds + 1,
                    published + " published in " + seconds + " s");
        }
    }

    private BridgeConfig config(Mosquitto broker) {
        return BridgeConfig.defaults(BrokerSettings.plain(broker.uri(), "isolation-" + System.nanoTime()), dir)
                .withTimings(REORDER_WINDOW, Duration.ofSeconds(3));
    }

    private static Heartbeat heartbeat(long uptime) {
        return new Heartbeat(new HealthCounters(uptime, 2000, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    private static void anotherPortalIsServedPromptly(Collector game) throws Exception {
        game.publish("portal/p-other/evt", frame(32, 0, birth("p-other")));
        game.publish("portal/p-other/evt", frame(32, 1, placed(0, 7)));
        game.await("game/events", "04070909", PROMPTLY);
    }
}
