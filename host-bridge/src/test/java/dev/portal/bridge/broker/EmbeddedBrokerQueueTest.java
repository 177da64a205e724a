package dev.portal.bridge.broker;

import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bridge that is away (restarting, or behind a thousand portals' Births) finds every frame the broker
 * acknowledged to the portals waiting for it: the embedded broker keeps more than HiveMQ's default of 1,000
 * queued messages per client, which it would otherwise discard.
 */
class EmbeddedBrokerQueueTest {
    private static final int FRAMES = 3_000;
    private static final Duration CONNECT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aSessionAwayKeepsMoreThanAThousandMessages() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir, "127.0.0.1", Ports.free())) {
            Set<String> heard = ConcurrentHashMap.newKeySet();
            BrokerSettings bridge = BrokerSettings.plain(broker.serverUri(), "queue-test-bridge").withCleanSession(false);
            BrokerLink first = session(bridge, heard);
            first.connect(CONNECT);
            first.close(); // away: the session and its subscription stay at the broker

            BrokerLink portal = BrokerSettings.plain(broker.serverUri(), "queue-test-portal").linkBuilder()
                    .maxInFlight(FRAMES).build();
            portal.connect(CONNECT);
            CompletableFuture<?>[] acknowledged = new CompletableFuture<?>[FRAMES];
            for (int i = 0; i < FRAMES; i++) {
                acknowledged[i] = portal.publish(Topic.of("portal/p1/evt"), Integer.toString(i).getBytes(),
                        Qos.AT_LEAST_ONCE, false);
            }
            CompletableFuture.allOf(acknowledged).get(60, TimeUnit.SECONDS);
            portal.close();

            BrokerLink back = session(bridge, heard);
            back.connect(CONNECT);
            try {
                Await.until(() -> "all " + FRAMES + " frames; heard " + heard.size(), () -> heard.size() == FRAMES,
                        Duration.ofSeconds(60));
            } finally {
                back.close();
            }
            assertEquals(FRAMES, heard.size());
        }
    }

    private static BrokerLink session(BrokerSettings settings, Set<String> heard) throws Exception {
        return settings.linkBuilder().subscribe(TopicFilter.of("portal/+/evt"), Qos.AT_LEAST_ONCE,
                MessageHandler.autoAck(m -> heard.add(new String(m.payload())))).build();
    }
}
