package dev.portal.link;

import dev.portal.link.LinkTesting.Connections;
import dev.portal.link.LinkTesting.Got;
import dev.portal.link.LinkTesting.Inbox;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.portal.link.LinkTesting.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The link against a real Mosquitto: hostile topics, manual acknowledgements, restarts, back-pressure. */
class BrokerLinkTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);

    private static BrokerLinkBuilder link(String uri, String clientId) {
        return BrokerLink.builder().serverUri(uri).clientId(clientId)
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(50), Duration.ofMillis(500)));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void topicsPahoCannotDecodeNeitherStopNorWedgeTheLink() throws Exception {
        Inbox inbox = new Inbox();
        try (BrokerLink sub = link(MOSQUITTO.uri(), "hostile-sub").build();
             BrokerLink pub = link(MOSQUITTO.uri(), "hostile-pub").build()) {
            sub.connect(WAIT);
            pub.connect(WAIT);
            sub.subscribe(TopicFilter.of("#"), Qos.AT_LEAST_ONCE, inbox);
            String[] hostile = {"portal/emoji-\uD83D\uDC09/evt", "game/toys/\uFF10\uFF14/update",
                    "portal/\uD83D\uDE00\uD83D\uDE00/status", "portal/\u00e9t\u00e9/evt"};
            for (Qos qos : Qos.values()) {
                for (String topic : hostile) {
                    pub.publish(Topic.of(topic), text("x"), qos, false).get(10, TimeUnit.SECONDS);
                    assertEquals(topic, inbox.nextAcked().message().topic().value());
                    pub.publish(Topic.of("portal/ok-1/evt"), text("next"), qos, false).get(10, TimeUnit.SECONDS);
                    Got next = inbox.nextAcked();
                    assertEquals("portal/ok-1/evt", next.message().topic().value());
                    assertEquals(qos, next.message().qos());
                }
            }
            // and from an independent client too (mosquitto_pub writes the bytes itself)
            MOSQUITTO.broker().publish("portal/emoji-\uD83D\uDC09/evt", text("y"), false);
            assertEquals("portal/emoji-\uD83D\uDC09/evt", inbox.nextAcked().message().topic().value());
            assertTrue(sub.isConnected());
            assertEquals(1, sub.stats().connects());
        }
    }

    @Test
    void anUnackedMessageComesBackAfterABrokerRestartAndAStaleAckIsNotSent() throws Exception {
        Inbox inbox = new Inbox();
        Connections connections = new Connections();
        try (BrokerLink sub = link(MOSQUITTO.uri(), "acks-sub").cleanSession(false).listener(connections)
                .subscribe(TopicFilter.of("acks/#"), Qos.AT_LEAST_ONCE, inbox).build()) {
            sub.connect(WAIT);
            assertEquals("fresh", connections.next());
            MOSQUITTO.broker().publish("acks/1", text("one"), false);
            Got first = inbox.next(); // not acknowledged: the broker must keep it

            MOSQUITTO.broker().restart();
            assertEquals("lost", connections.next());
            assertEquals("resumed", connections.next());
            first.ack().acknowledge(); // from the connection that is gone: must not be sent (its id may be reused)

            Got again = inbox.next();
            assertEquals("one", again.text());
            again.ack().acknowledge();
            MOSQUITTO.broker().publish("acks/2", text("two"), false);
            assertEquals("two", inbox.nextAcked().text());
            // The acknowledgement travels ahead of this publish on the same connection: once the publish comes
            // back, the broker has taken it, and a restart now cannot legitimately send "two" again.
            sub.publish(Topic.of("acks/sync"), text("sync"), Qos.AT_LEAST_ONCE, false).get(10, TimeUnit.SECONDS);
            assertEquals("sync", inbox.nextAcked().text());

            MOSQUITTO.broker().restart();
            assertEquals("lost", connections.next());
            assertEquals("resumed", connections.next());
            Got back = inbox.got.poll(1, TimeUnit.SECONDS);
            assertEquals(null, back == null ? null : back.text() + " " + back.message().topic(),
                    "an acknowledged message came back");
        }
    }

    /**
     * Mosquitto 2.0 keeps a persistent session over its restart but not the session's shared subscriptions
     * ($share/...): a client that resumes the session and does not subscribe again hears nothing of its group.
     */
    @Test
    void sharedSubscriptionsAreRenewedWhenTheSessionResumesAfterABrokerRestart() throws Exception {
        Inbox inbox = new Inbox();
        Connections connections = new Connections();
        try (BrokerLink sub = link(MOSQUITTO.uri(), "share-sub").cleanSession(false).listener(connections).build()) {
            sub.connect(WAIT);
            sub.subscribe(TopicFilter.shared("group", PortalTopics.ALL_EVENTS), Qos.AT_LEAST_ONCE, inbox);
            assertEquals("fresh", connections.next());
            MOSQUITTO.broker().publish("portal/p1/evt", text("before"), false);
            assertEquals("before", inbox.nextAcked().text());
            MOSQUITTO.broker().restart();
            assertEquals("lost", connections.next());
            assertEquals("resumed", connections.next());
            MOSQUITTO.broker().publish("portal/p1/evt", text("after"), false);
            assertEquals("after", inbox.nextAcked().text());
        }
    }

    /**
     * Bridges of a group rely on it: a member away keeps its turn, and what was queued for it survives a broker
     * restart (only the subscription itself does not, see above).
     */
    @Test
    void aSharedMembersQueuedMessagesSurviveABrokerRestartWhileItIsAway() throws Exception {
        Inbox inbox = new Inbox();
        Connections connections = new Connections();
        TopicFilter group = TopicFilter.shared("away", PortalTopics.ALL_EVENTS);
        try (BrokerLink sub = link(MOSQUITTO.uri(), "share-away-sub").cleanSession(false).listener(connections).build()) {
            sub.connect(WAIT);
            sub.subscribe(group, Qos.AT_LEAST_ONCE, inbox);
        }
        MOSQUITTO.broker().publish("portal/p1/evt", text("queued"), false);
        MOSQUITTO.broker().restart();
        try (BrokerLink sub = link(MOSQUITTO.uri(), "share-away-sub").cleanSession(false).listener(connections)
                .subscribe(group, Qos.AT_LEAST_ONCE, inbox).build()) {
            sub.connect(WAIT);
            MOSQUITTO.broker().publish("portal/p1/evt", text("after"), false);
            List<String> got = new ArrayList<>();
            got.add(inbox.nextAcked().text());
            Got more = inbox.got.poll(2, TimeUnit.SECONDS);
            if (more != null) {
                got.add(more.text());
            }
            assertEquals(List.of("queued", "after"), got);
        }
    }

    /** A member that leaves with a message unacknowledged gets it again when it comes back (no other member does). */
    @Test
    void aSharedMembersUnacknowledgedMessageComesBackToItWhenItReturns() throws Exception {
        Inbox inbox = new Inbox();
        TopicFilter group = TopicFilter.shared("inflight", PortalTopics.ALL_EVENTS);
        try (BrokerLink sub = link(MOSQUITTO.uri(), "inflight-sub").cleanSession(false)
                .subscribe(group, Qos.AT_LEAST_ONCE, inbox).build()) {
            sub.connect(WAIT);
            MOSQUITTO.broker().publish("portal/p1/evt", text("unacked"), false);
            inbox.next(); // never acknowledged
        }
        Inbox again = new Inbox();
        try (BrokerLink sub = link(MOSQUITTO.uri(), "inflight-sub").cleanSession(false)
                .subscribe(group, Qos.AT_LEAST_ONCE, again).build()) {
            sub.connect(WAIT);
            MOSQUITTO.broker().publish("portal/p1/evt", text("after"), false);
            List<String> got = new ArrayList<>();
            got.add(again.nextAcked().text());
            Got more = again.got.poll(2, TimeUnit.SECONDS);
            if (more != null) {
                got.add(more.text());
            }
            assertEquals(List.of("unacked", "after"), got);
        }
    }

    @Test
    void subscriptionsAreRenewedWhenTheBrokerLostTheSession(@TempDir Path dir) throws Exception {
        Inbox inbox = new Inbox();
        Connections connections = new Connections();
        try (Mosquitto forgetful = Mosquitto.in(dir).start();
             BrokerLink sub = link(forgetful.uri(), "renew-sub").cleanSession(false).listener(connections).build()) {
            sub.connect(WAIT);
            sub.subscribe(PortalTopics.ALL_EVENTS, Qos.AT_LEAST_ONCE, inbox);
            assertEquals("fresh", connections.next());
            forgetful.restart();
            assertEquals("lost", connections.next());
            assertEquals("fresh", connections.next()); // no persistence: the session is gone
            forgetful.publish("portal/p1/evt", text("after"), false);
            assertEquals("after", inbox.nextAcked().text());
        }
    }

    @Test
    void aFullWindowMakesPublishWaitThenFail() throws Exception {
        Connections connections = new Connections();
        try (BrokerLink pub = link(MOSQUITTO.uri(), "window-pub").cleanSession(false).maxInFlight(1)
                .publishWait(Duration.ofMillis(300)).listener(connections).build()) {
            pub.connect(WAIT);
            assertEquals("fresh", connections.next());
            MOSQUITTO.broker().stop();
            assertEquals("lost", connections.next());
            try {
                CompletableFuture<Void> held = pub.publish(Topic.of("w/1"), text("1"), Qos.AT_LEAST_ONCE, false);
                long start = System.nanoTime();
                CompletableFuture<Void> refused = pub.publish(Topic.of("w/2"), text("2"), Qos.AT_LEAST_ONCE, false);
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(waited >= 250, "returned after " + waited + " ms");
                ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(1, TimeUnit.SECONDS));
                assertInstanceOf(LinkException.class, e.getCause());
                assertFalse(held.isDone());
                MOSQUITTO.broker().start();
                held.get(30, TimeUnit.SECONDS); // buffered while disconnected, confirmed after the reconnect
                pub.publish(Topic.of("w/3"), text("3"), Qos.AT_LEAST_ONCE, false).get(10, TimeUnit.SECONDS);
            } finally {
                if (!MOSQUITTO.broker().isRunning()) {
                    MOSQUITTO.broker().start();
                }
            }
        }
    }

    @Test
    void aThrowingHandlerIsCountedAndTheNextMessageArrives() throws Exception {
        Inbox inbox = new Inbox();
        try (BrokerLink sub = link(MOSQUITTO.uri(), "throw-sub").cleanSession(false).build()) {
            sub.connect(WAIT);
            sub.subscribe(TopicFilter.of("boom/bad"), Qos.AT_LEAST_ONCE, (m, ack) -> {
                throw new IllegalStateException("handler bug");
            });
            sub.subscribe(TopicFilter.of("boom/good"), Qos.AT_LEAST_ONCE, inbox);
            MOSQUITTO.broker().publish("boom/bad", text("x"), false);
            MOSQUITTO.broker().publish("boom/nobody", text("x"), false);
            MOSQUITTO.broker().publish("boom/good", text("ok"), false);
            assertEquals("ok", inbox.nextAcked().text());
            assertEquals(1, sub.stats().handlerFailures());
        }
        // the failed message was acknowledged: it does not come back to the same session
        Inbox replay = new Inbox();
        try (BrokerLink sub = link(MOSQUITTO.uri(), "throw-sub").cleanSession(false)
                .subscribe(TopicFilter.of("boom/#"), Qos.AT_LEAST_ONCE, replay).build()) {
            sub.connect(WAIT);
            assertTrue(replay.quietFor(Duration.ofSeconds(1)));
        }
    }

    @Test
    void anAcknowledgementMadeWhileTheBrokerIsAwayIsNotSentAndDoesNotHoldUpTheReconnect() throws Exception {
        // The bridge acknowledges a frame when its batch commits, which may be just after the connection went.
        Inbox inbox = new Inbox();
        Connections connections = new Connections();
        try (BrokerLink sub = link(MOSQUITTO.uri(), "away-sub").cleanSession(false).listener(connections)
                .subscribe(TopicFilter.of("away/#"), Qos.AT_LEAST_ONCE, inbox).build()) {
            sub.connect(WAIT);
            assertEquals("fresh", connections.next());
            MOSQUITTO.broker().publish("away/1", text("before"), false);
            Got before = inbox.next();
            MOSQUITTO.broker().stop();
            try {
                assertEquals("lost", connections.next());
                before.ack().acknowledge();
                assertEquals(1, sub.stats().staleAcks());
            } finally {
                MOSQUITTO.broker().start();
            }
            long start = System.nanoTime();
            assertEquals("resumed", connections.next());
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5, "reconnected promptly");
            assertEquals("before", inbox.nextAcked().text()); // the broker sent it again
        }
    }

    @Test
    void aSharedSubscriptionSplitsMessagesBetweenTwoLinks() throws Exception {
        TopicFilter shared = TopicFilter.shared("bridges", TopicFilter.of("shared/+/evt"));
        Inbox a = new Inbox();
        Inbox b = new Inbox();
        try (BrokerLink one = link(MOSQUITTO.uri(), "share-1").subscribe(shared, Qos.AT_LEAST_ONCE, a).build();
             BrokerLink two = link(MOSQUITTO.uri(), "share-2").subscribe(shared, Qos.AT_LEAST_ONCE, b).build();
             BrokerLink pub = link(MOSQUITTO.uri(), "share-pub").build()) {
            one.connect(WAIT);
            two.connect(WAIT);
            pub.connect(WAIT);
            for (int i = 0; i < 20; i++) {
                pub.publish(Topic.of("shared/p" + i + "/evt"), text("x"), Qos.AT_LEAST_ONCE, false)
                        .get(10, TimeUnit.SECONDS);
            }
            int got = 0;
            int fromA = 0;
            while (got < 20) {
                Got g = a.got.poll(100, TimeUnit.MILLISECONDS);
                if (g != null) {
                    fromA++;
                } else {
                    g = b.got.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    if (g == null) {
                        throw new AssertionError("only " + got + " of 20 arrived");
                    }
                }
                g.ack().acknowledge();
                got++;
            }
            assertTrue(fromA > 0 && fromA < 20, "both links got a share: " + fromA + "/" + (20 - fromA));
            assertEquals(0, one.stats().unrouted() + two.stats().unrouted());
        }
    }

    @Test
    void aRefusedConnectSaysSo() throws Exception {
        try (BrokerLink nobody = link("tcp://127.0.0.1:1", "nobody").build()) {
            LinkException e = assertThrows(LinkException.class, () -> nobody.connect(Duration.ofSeconds(3)));
            assertFalse(e.refused());
            assertFalse(nobody.isConnected());
        }
    }
}
