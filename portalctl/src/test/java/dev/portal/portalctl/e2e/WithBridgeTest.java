package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.portalctl.testing.FakePortal;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MosquittoExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** devices and status read the real host bridge's retained portal documents (game/portals/{id}). */
class WithBridgeTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();

    @TempDir
    Path dir;
    Bridge bridge;
    FakePortal portal;

    @BeforeEach
    void start() throws Exception {
        bridge = Bridge.start(BridgeConfig.defaults(BrokerSettings.plain(MOSQUITTO.uri(), "bridge-test"), dir.resolve("bridge")));
        portal = new FakePortal(MOSQUITTO.uri(), "arcade-5", dir.resolve("portal"), null, Duration.ofSeconds(5)).start();
    }

    @AfterEach
    void stop() {
        portal.close();
        bridge.close();
    }

    @Test
    void devicesAndStatusShowWhatTheBridgeKnows() throws Exception {
        portal.heartbeat();
        // The bridge learns of the heartbeat on its own time: ask again until it shows.
        AtomicReference<Cli.Run> last = new AtomicReference<>();
        Await.value(() -> "arcade-5 online with 1.0.0 in 'portalctl devices': " + last.get(), () -> {
            last.set(Cli.run("devices", "--broker", MOSQUITTO.uri(), "--wait", "500ms"));
            return Optional.of(last.get()).filter(d -> d.out().matches("(?s).*arcade-5\\s+online\\s+[0-9a-f]{8}\\s+1\\.0\\.0.*"));
        }, Duration.ofSeconds(15));

        Cli.Run status = Cli.run("status", "arcade-5", "--broker", MOSQUITTO.uri(), "--heartbeat-wait", "0");
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().contains("Health        (last heartbeat, from the bridge)"), status.toString());
    }
}
