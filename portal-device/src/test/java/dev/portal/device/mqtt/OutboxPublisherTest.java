package dev.portal.device.mqtt;

import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.outbox.OutboxSettings;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.MosquittoSub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class OutboxPublisherTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);

    @TempDir
    Path dir;

    private MqttSettings settings(String clientId) {
        return new MqttSettings(MOSQUITTO.uri(), clientId, Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(3), 20, Duration.ofMillis(100), Duration.ofMillis(800));
    }

    private static byte[] rec(int i) {
        return ("frame-" + i).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everythingArrivesInOrderAcrossABrokerOutage() throws Exception {
        DeviceId device = DeviceId.of("outage");
        AtomicInteger births = new AtomicInteger();
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "watch-outage",
                PortalTopics.evt(device).value());
             Outbox outbox = Outbox.open(OutboxSettings.defaults(dir))) {
            OutboxPublisher delivery = new OutboxPublisher(settings("portal-outage"), outbox, device, 0xCAFEL,
                    births::incrementAndGet, b -> { });
            delivery.start();
            for (int i = 0; i < 200; i++) {
                outbox.append(rec(i));
            }
            List<MosquittoSub.Message> got = new ArrayList<>(sub.take(200, Duration.ofSeconds(10)));
            MOSQUITTO.broker().stop();
            for (int i = 200; i < 700; i++) { // appended while the broker is away
                outbox.append(rec(i));
                if (i % 100 == 0) {
                    Thread.sleep(200); // on purpose: frames trickle in over a second while the delivery retries
                }
            }
            assertTrue(outbox.stats().depth() >= 400, "kept while the broker is down: " + outbox.stats());
            MOSQUITTO.broker().start();
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            got.forEach(m -> distinct.add(m.text()));
            Await.until(() -> "all 700 frames, " + distinct.size() + " so far", () -> {
                for (MosquittoSub.Message m = sub.poll(Duration.ZERO); m != null; m = sub.poll(Duration.ZERO)) {
                    distinct.add(m.text());
                }
                return distinct.size() >= 700;
            }, Duration.ofSeconds(15));
            delivery.close();
            List<String> order = new ArrayList<>(distinct);
            assertEquals(700, order.size(), "every frame delivered");
            for (int i = 0; i < 700; i++) {
                assertEquals("frame-" + i, order.get(i), "first arrivals are in order");
            }
            assertEquals(0, outbox.stats().depth(), "all acknowledged");
            assertTrue(births.get() >= 2, "a birth hook on every connect");
            assertTrue(delivery.stats().connects() >= 2);
        }
    }

    @Test
    void retainedStatusSaysOnlineThenOfflineWithTheBootId() throws Exception {
        DeviceId device = DeviceId.of("status");
        try (Outbox outbox = Outbox.open(OutboxSettings.defaults(dir))) {
            OutboxPublisher delivery = new OutboxPublisher(settings("portal-status"), outbox, device, 0xABCDEFL,
                    () -> { }, b -> { });
            delivery.start();
            try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "watch-status-1",
                    PortalTopics.evt(device).value())) {
                // Appended once the watcher is subscribed: the frame is not retained, and a publisher that is
                // quick to connect sent it before the watcher was there (failed once in CI).
                outbox.append(rec(1));
                assertEquals(1, sub.take(1, Duration.ofSeconds(5)).size());
            }
            try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "watch-status-2",
                    PortalTopics.status(device).value())) {
                String s = sub.take(1, Duration.ofSeconds(5)).get(0).text();
                assertTrue(s.contains("\"online\"") && s.contains("00abcdef"), s);
            }
            delivery.close();
            try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "watch-status-3",
                    PortalTopics.status(device).value())) {
                String s = sub.take(1, Duration.ofSeconds(5)).get(0).text();
                assertTrue(s.contains("\"offline\"") && s.contains("00abcdef"), s);
            }
        }
    }
}
