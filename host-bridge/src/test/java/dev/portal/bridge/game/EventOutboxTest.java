package dev.portal.bridge.game;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.mqtt.MqttLink;
import dev.portal.bridge.state.Effects;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A game server must hear every event even when the bridge dies between committing a change and the broker
 * confirming its event: what the broker never confirmed is published again, with the same eventId, by the
 * next run of that bridge.
 */
class EventOutboxTest {
    @TempDir
    Path dir;
    private Store store;

    /** Keeps what was published and confirms deliveries only when told (the broker's PUBACKs). */
    private static final class BrokerLink implements MqttLink {
        record Sent(String topic, String json, Runnable delivered) { }

        final List<Sent> sent = new ArrayList<>();
        boolean connected = true;

        @Override
        public void connect() {
        }

        @Override
        public void subscribe(String filter, int qos) {
        }

        @Override
        public void publish(String topic, byte[] payload, int qos, boolean retained, Runnable delivered) {
            sent.add(new Sent(topic, new String(payload, java.nio.charset.StandardCharsets.UTF_8), delivered));
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public void close() {
        }

        List<String> eventIds() throws IOException {
            List<String> ids = new ArrayList<>();
            for (Sent s : sent) {
                JsonNode node = GameJson.MAPPER.readTree(s.json());
                assertEquals(GameTopics.EVENTS, s.topic());
                ids.add(node.get("eventId").asText());
            }
            return ids;
        }
    }

    @BeforeEach
    void open() {
        store = JdbcStore.openSqlite(dir.resolve("bridge.db"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static GameEvent event(String id, String type) {
        return new GameEvent(id, type, "den", 0, 1, "04A1", 1_000, Map.of(), null);
    }

    /** One run of a bridge: its link and the publisher side of its outbox. */
    private record Run(BrokerLink link, EventOutbox outbox, GamePublisher publisher) {
        static Run of(Store store, String owner) {
            BrokerLink link = new BrokerLink();
            BridgeCounters counters = new BridgeCounters();
            EventOutbox outbox = new EventOutbox(store, link, counters, owner, Duration.ZERO);
            return new Run(link, outbox, new GamePublisher(link, store, counters, outbox));
        }

        void commitAndPublish(Store store, GameEvent... events) {
            Effects effects = store.inTransaction(tx -> {
                Effects e = new Effects();
                List.of(events).forEach(e::event);
                return publisher.stage(tx, e);
            });
            publisher.publish(effects);
        }
    }

    @Test
    void eventsTheBrokerNeverConfirmedArePublishedAgainInOrderByTheNextRun() throws Exception {
        Run first = Run.of(store, "bridge-a");
        first.commitAndPublish(store, event("den/1/1#placed", "placed"), event("den/1/2#read", "recognised"));
        first.commitAndPublish(store, event("den/1/1#removed", "removed"));
        assertEquals(List.of("den/1/1#placed", "den/1/2#read", "den/1/1#removed"), first.link().eventIds());
        first.link().sent.getFirst().delivered().run(); // the broker confirmed only the first one
        first.outbox().forgetConfirmed();
        // ...and the bridge died.

        Run second = Run.of(store, "bridge-a");
        assertEquals(2, second.outbox().resendLeftovers());
        assertEquals(List.of("den/1/2#read", "den/1/1#removed"), second.link().eventIds());
        assertEquals(first.link().sent.get(1).json(), second.link().sent.getFirst().json(), "the same message");

        second.commitAndPublish(store, event("den/1/3#placed", "placed"));
        second.link().sent.forEach(s -> s.delivered().run());
        second.outbox().forgetConfirmed();
        assertEquals(0, Run.of(store, "bridge-a").outbox().resendLeftovers(), "everything was confirmed");
    }

    @Test
    void whatTheBrokerLeavesUnconfirmedIsSentAgainWhileTheBridgeRuns() throws Exception {
        // A clean session drops its in-flight messages when the connection goes: nobody would confirm them.
        Run run = Run.of(store, "bridge-a"); // resends whatever is unconfirmed at the next maintain()
        run.commitAndPublish(store, event("den/1/1#placed", "placed"), event("den/1/2#read", "recognised"));
        run.link().sent.getFirst().delivered().run();

        run.link().connected = false;
        run.outbox().maintain();
        assertEquals(2, run.link().sent.size(), "nothing is resent while disconnected");

        run.link().connected = true;
        run.outbox().maintain();
        assertEquals(List.of("den/1/1#placed", "den/1/2#read", "den/1/2#read"), run.link().eventIds());

        run.link().sent.getLast().delivered().run();
        run.outbox().maintain();
        assertEquals(3, run.link().sent.size(), "confirmed: not sent again");
        assertEquals(0, Run.of(store, "bridge-a").outbox().resendLeftovers());
    }

    @Test
    void aBridgeResendsOnlyItsOwnEventsWhenSeveralShareTheDatabase() throws Exception {
        Run a = Run.of(store, "bridge-a");
        Run b = Run.of(store, "bridge-b");
        a.commitAndPublish(store, event("den/1/1#placed", "placed"));
        b.commitAndPublish(store, event("attic/7/1#placed", "placed"));

        Run aAgain = Run.of(store, "bridge-a");
        aAgain.outbox().resendLeftovers();
        assertEquals(List.of("den/1/1#placed"), aAgain.link().eventIds());
    }

    @Test
    void aChangeThatRolledBackLeavesNoEventBehind() {
        Run run = Run.of(store, "bridge-a");
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            Effects e = new Effects();
            e.event(event("den/1/1#placed", "placed"));
            run.publisher().stage(tx, e);
            throw new IllegalStateException("the change failed");
        }));
        assertTrue(run.link().sent.isEmpty());
        assertEquals(0, Run.of(store, "bridge-a").outbox().resendLeftovers());
    }

    @Test
    void anEventThatWasNotWrittenToTheOutboxIsNotPublished() {
        Run run = Run.of(store, "bridge-a");
        Effects unstaged = new Effects();
        unstaged.event(event("den/1/1#placed", "placed"));
        assertThrows(IllegalStateException.class, () -> run.publisher().publish(unstaged));
    }
}
