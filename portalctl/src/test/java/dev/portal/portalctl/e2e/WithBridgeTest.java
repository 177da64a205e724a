package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;
import dev.portal.portalctl.testing.FakePortal;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MosquittoExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * devices and status read the real host bridge's retained portal documents (game/portals/{id}); provision
 * registers each toy's web code with it.
 */
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
    void theWebCodeProvisionPrintsClaimsTheToyThroughTheBridge() throws Exception {
        String toyKey = FakePortal.writeToyKey(dir).toString();
        Cli.Running run = Cli.start("provision", "arcade-5", "--broker", MOSQUITTO.uri(), "--toy", "12", "--variant",
                "3", "--idle-timeout", "10s", "--toy-key-file", toyKey);
        run.waitForOutput("lay 1 blank tag(s) on arcade-5", Duration.ofSeconds(10));
        portal.place(0, new FakePortal.Tag(Uid.parse("04000000000021"), ToyVerdict.BLANK, Optional.empty()));
        Cli.Run r = run.await(Duration.ofSeconds(30));
        assertEquals(0, r.code(), r.toString());
        Matcher printed = Pattern.compile("04000000000021  written  web code ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})  ")
                .matcher(r.out());
        assertTrue(printed.find(), r.toString());
        String code = printed.group(1);

        try (BrokerLink player = BrokerLink.builder().serverUri(MOSQUITTO.uri()).randomClientId("studio")
                .cleanSession(true).build()) {
            player.connect(Duration.ofSeconds(5));
            BlockingQueue<String> replies = new LinkedBlockingQueue<>();
            player.subscribe(TopicFilter.of("game/replies/studio"), Qos.AT_LEAST_ONCE,
                    MessageHandler.autoAck(m -> replies.add(new String(m.payload(), StandardCharsets.UTF_8))));
            String wrong = code.equals("0000-0000-0000") ? "1111-1111-1111" : "0000-0000-0000";
            for (String typed : List.of(wrong, code)) {
                player.publish(Topic.of("game/toys/04000000000021/claim"), ("{\"correlationId\":\"" + typed
                        + "\",\"replyTo\":\"game/replies/studio\",\"player\":\"ann\",\"code\":\"" + typed + "\"}")
                        .getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false).get(5, TimeUnit.SECONDS);
            }
            String refused = replies.poll(10, TimeUnit.SECONDS);
            assertTrue(refused != null && refused.contains("no toy has that web code"), String.valueOf(refused));
            String claimed = replies.poll(10, TimeUnit.SECONDS);
            assertTrue(claimed != null && claimed.contains("\"status\":\"claimed\""), String.valueOf(claimed));
        }
        assertEquals("ann", bridge.store().inTransaction(tx -> tx.players().claim("04000000000021"))
                .orElseThrow().owner().orElseThrow());
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
