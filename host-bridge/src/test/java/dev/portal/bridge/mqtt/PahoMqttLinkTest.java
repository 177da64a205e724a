package dev.portal.bridge.mqtt;

import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.MosquittoSub;
import dev.portal.testsupport.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PahoMqttLinkTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();


    @Test
    void exchangesMessagesWithIndependentMosquittoClients(Mosquitto broker) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        MqttLink link = new PahoMqttLink(MqttSettings.plain(broker.uri(), "link-a"),
                (topic, payload, retained) -> got.add(topic + "=" + new String(payload, StandardCharsets.UTF_8)));
        try (MosquittoSub sub = MosquittoSub.subscribe(broker, "out/#")) {
            link.connect();
            link.subscribe("in/+/evt", 1);
            broker.publish("in/p1/evt", "hello".getBytes(StandardCharsets.UTF_8), false);
            assertEquals("in/p1/evt=hello", got.poll(5, TimeUnit.SECONDS));
            link.publish("out/x", "world".getBytes(StandardCharsets.UTF_8), 1, false);
            assertEquals("world", sub.await(m -> m.topic().equals("out/x"), Duration.ofSeconds(5)).text());
        } finally {
            link.close();
        }
    }

    @Test
    void subscriptionsAreRenewedAfterTheBrokerRestarts(Mosquitto broker) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        MqttLink link = new PahoMqttLink(MqttSettings.plain(broker.uri(), "link-b"),
                (topic, payload, retained) -> got.add(new String(payload, StandardCharsets.UTF_8)));
        try {
            link.connect();
            link.subscribe("restart/test", 1);
            broker.restart();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String message = null;
            while (message == null && System.nanoTime() < deadline) {
                // clean session: until the link has reconnected and renewed, publications are not for us
                broker.publish("restart/test", "after".getBytes(StandardCharsets.UTF_8), false);
                message = got.poll(500, TimeUnit.MILLISECONDS);
            }
            assertNotNull(message, "no message after the broker restart");
            assertEquals("after", message);
        } finally {
            link.close();
        }
    }

    @Test
    void anAcknowledgementMadeWhileTheBrokerIsAwayDoesNotHoldUpTheReconnect(Mosquitto broker) throws Exception {
        // The bridge acknowledges a frame when its batch commits, which may be just after the connection went.
        BlockingQueue<MqttLink.Acknowledgement> acks = new LinkedBlockingQueue<>();
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        MqttLink link = new PahoMqttLink(MqttSettings.plain(broker.uri(), "link-acks").withCleanSession(false),
                (MqttLink.AckingHandler) (topic, payload, retained, ack) -> {
                    got.add(new String(payload, StandardCharsets.UTF_8));
                    acks.add(ack);
                });
        try {
            link.connect();
            link.subscribe("acks/test", 1);
            broker.publish("acks/test", "before".getBytes(StandardCharsets.UTF_8), false);
            assertEquals("before", got.poll(5, TimeUnit.SECONDS));
            broker.stop();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (link.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(link.isConnected(), "the link saw the broker go");
            acks.take().acknowledge();
            broker.start();
            // Paho retries after 1 s, then 2 s: well inside this unless the reconnect hangs until its own
            // connect timeout (10 s), as it did when the PUBACK was queued while disconnected.
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(7);
            while (!link.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(link.isConnected(), "reconnected without waiting for the connect timeout");
        } finally {
            link.close();
        }
    }

    @Test
    void anUnreachableBrokerIsAClearError() throws Exception {
        int port = Ports.free();
        MqttLink link = new PahoMqttLink(MqttSettings.plain("tcp://127.0.0.1:" + port, "link-c"), (t, p, r) -> { });
        try {
            MqttLinkException e = assertThrows(MqttLinkException.class, link::connect);
            assertEquals(true, e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        } finally {
            link.close();
        }
    }

    @Test
    void sharedSubscriptionSplitsMessagesBetweenTwoLinks(Mosquitto broker) throws Exception {
        BlockingQueue<String> a = new LinkedBlockingQueue<>();
        BlockingQueue<String> b = new LinkedBlockingQueue<>();
        MqttLink one = new PahoMqttLink(MqttSettings.plain(broker.uri(), "share-1"), (t, p, r) -> a.add(t));
        MqttLink two = new PahoMqttLink(MqttSettings.plain(broker.uri(), "share-2"), (t, p, r) -> b.add(t));
        try (Collector publisher = new Collector(broker.uri())) {
            one.connect();
            two.connect();
            one.subscribe("$share/bridges/shared/+/evt", 1);
            two.subscribe("$share/bridges/shared/+/evt", 1);
            for (int i = 0; i < 20; i++) {
                publisher.publish("shared/p" + i + "/evt", "x");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (a.size() + b.size() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(20, a.size() + b.size(), "every message delivered once");
            assertEquals(true, !a.isEmpty() && !b.isEmpty(), "both links got a share: " + a.size() + "/" + b.size());
        } finally {
            one.close();
            two.close();
        }
    }
}
