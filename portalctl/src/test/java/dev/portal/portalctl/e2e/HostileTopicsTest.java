package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.link.BrokerLink;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.portalctl.testing.FakePortal;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.testsupport.MosquittoExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import dev.portal.protocol.id.Uid;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * portalctl's wildcard subscribers (devices: portal/+/status and game/portals/+; watch: portal/+/evt) meet
 * topics that are valid UTF-8 but name no portal (a 4-byte character, full-width digits), at QoS 0 and 1, and
 * go on showing the real portal.
 */
class HostileTopicsTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();
    private static final List<String> STATUS = List.of("portal/emoji-\uD83D\uDC09/status", "portal/\uFF10\uFF14/status",
            "game/portals/\uD83D\uDC09");
    private static final List<String> EVENTS = List.of("portal/emoji-\uD83D\uDC09/evt", "portal/\uFF10\uFF14/evt");

    @TempDir
    Path dir;
    FakePortal portal;

    @BeforeEach
    void start() throws Exception {
        portal = new FakePortal(MOSQUITTO.uri(), "real-1", dir, null, Duration.ofSeconds(5)).start();
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private static void publish(List<String> topics, boolean retained) throws Exception {
        try (BrokerLink attacker = BrokerLink.builder().serverUri(MOSQUITTO.uri()).randomClientId("attacker").build()) {
            attacker.connect(Duration.ofSeconds(10));
            byte[] payload = "{\"state\":\"online\",\"bootId\":\"00000001\"}".getBytes(StandardCharsets.UTF_8);
            for (Qos qos : Qos.values()) {
                for (String topic : topics) {
                    attacker.publish(Topic.of(topic), payload, qos, retained).get(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void devicesListsTheRealPortalAndNothingElse() throws Exception {
        publish(STATUS, true);
        Cli.Run run = Cli.run("devices", "--broker", MOSQUITTO.uri(), "--wait", "500ms");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().matches("(?s).*real-1\\s+online\\s+[0-9a-f]{8}.*"), run.toString());
        assertEquals(2, run.out().strip().split("\n").length, "a header and the one real portal: " + run);
    }

    @Test
    void watchSkipsWhatNamesNoPortalAndShowsTheNextRealEvents() throws Exception {
        Cli.Running watch = Cli.start("watch", "--broker", MOSQUITTO.uri(), "--count", "2", "--for", "20s");
        watch.waitForStderr("watching portal/+/evt", Duration.ofSeconds(10));
        publish(EVENTS, false);
        portal.place(0, new FakePortal.Tag(Uid.parse("04A1B2C3D4E5F6"), ToyVerdict.BLANK,
                Optional.empty()));
        Cli.Run run = watch.await(Duration.ofSeconds(20));
        assertEquals(0, run.code(), run.toString());
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length, run.toString());
        assertTrue(lines[0].contains("real-1") && lines[0].contains("placed"), lines[0]);
    }
}
