package dev.portal.bridge.app;

import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.EmbeddedBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.portal.bridge.app.BridgeFlowTest.blaze;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bridge that died between committing a change and the broker's copy of the retained documents left game
 * servers reading stale ones: on start it publishes the portals' and the recently active toys' documents
 * again from its store.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RetainedRefreshTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private BridgeConfig config() {
        return EmbeddedBridge.config(dir, "refresh-bridge");
    }

    @Test
    void retainedDocumentsTheBrokerLostComeBackWhenTheBridgeStarts() throws Exception {
        try (Bridge bridge = Bridge.start(config());
             Collector game = new Collector(bridge.serverUri(), "game/events");
             FramePortal portal = new FramePortal(bridge.serverUri(), "hall", 1, Clock.systemUTC())) {
            portal.start();
            portal.place(0, 0, SimTag.toy("04AB000000000D", blaze(90)));
            game.await("game/events", "\"recognised\"", WAIT);
            bridge.awaitIdle();
        }
        // The broker's copy is gone (as if the bridge had died before sending it); the store still has it all.
        try (Stream<Path> files = Files.walk(dir.resolve("broker"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (Bridge bridge = Bridge.start(config());
             Collector game = new Collector(bridge.serverUri(), "game/toys/+", "game/portals/+")) {
            Collector.Received toy = game.await(r -> r.topic().equals("game/toys/04AB000000000D"), WAIT);
            assertTrue(toy.retained() || toy.text().contains("\"hall\""), toy.text());
            assertTrue(toy.text().contains("\"hall\""), "the toy document says where it lies: " + toy.text());
            game.await(r -> r.topic().equals("game/portals/hall"), WAIT);
        }
    }
}
