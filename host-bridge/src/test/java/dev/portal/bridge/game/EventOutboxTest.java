package dev.portal.bridge.game;

import dev.portal.bridge.state.AfterCommit;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.testing.RecordingLink;
import dev.portal.link.GameTopics;
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

    private static List<String> eventIds(RecordingLink link) throws IOException {
        List<String> ids = new ArrayList<>();
        for (RecordingLink.Sent s : link.sent()) {
            assertEquals(GameTopics.EVENTS, s.topic());
            ids.add(GameJson.MAPPER.readTree(s.text()).get("eventId").asText());
        }
        return ids;
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
    private record Run(RecordingLink link, EventOutbox outbox, GamePublisher publisher) {
        static Run of(Store store, String owner) {
            RecordingLink link = new RecordingLink();
            BridgeCounters counters = new BridgeCounters();
            EventOutbox outbox = new EventOutbox(store, link, counters, owner, Duration.ZERO);
            return new Run(link, outbox, new GamePublisher(link, store, counters, outbox));
        }

        void commitAndPublish(Store store, GameEvent... events) {
            AfterCommit after = store.inTransaction(tx -> {
                AfterCommit e = new AfterCommit();
                List.of(events).forEach(e::event);
                return publisher.stageEvents(tx, e);
            });
            publisher.publish(after);
        }
    }

    @Test
    void eventsTheBrokerNeverConfirmedArePublishedAgainInOrderByTheNextRun() throws Exception {
        Run first = Run.of(store, "bridge-a");
        first.commitAndPublish(store, event("den/1/1#placed", "placed"), event("den/1/2#read", "recognised"));
        first.commitAndPublish(store, event("den/1/1#removed", "removed"));
        assertEquals(List.of("den/1/1#placed", "den/1/2#read", "den/1/1#removed"), eventIds(first.link()));
        first.link().sent().getFirst().delivered().run(); // the broker confirmed only the first one
        first.outbox().forgetConfirmed();
        // ...and the bridge died.

        Run second = Run.of(store, "bridge-a");
        assertEquals(2, second.outbox().resendLeftovers());
        assertEquals(List.of("den/1/2#read", "den/1/1#removed"), eventIds(second.link()));
        assertEquals(first.link().sent().get(1).text(), second.link().sent().getFirst().text(), "the same message");

        second.commitAndPublish(store, event("den/1/3#placed", "placed"));
        second.link().sent().forEach(s -> s.delivered().run());
        second.outbox().forgetConfirmed();
        assertEquals(0, Run.of(store, "bridge-a").outbox().resendLeftovers(), "everything was confirmed");
    }

    @Test
    void whatTheBrokerLeavesUnconfirmedIsSentAgainWhileTheBridgeRuns() throws Exception {
        // A clean session drops its in-flight messages when the connection goes: nobody would confirm them.
        Run run = Run.of(store, "bridge-a"); // resends whatever is unconfirmed at the next maintain()
        run.commitAndPublish(store, event("den/1/1#placed", "placed"), event("den/1/2#read", "recognised"));
        run.link().sent().getFirst().delivered().run();

        run.link().connected(false);
        run.outbox().maintain();
        assertEquals(2, run.link().sent().size(), "nothing is resent while disconnected");

        run.link().connected(true);
        run.outbox().maintain();
        assertEquals(List.of("den/1/1#placed", "den/1/2#read", "den/1/2#read"), eventIds(run.link()));

        run.link().sent().getLast().delivered().run();
        run.outbox().maintain();
        assertEquals(3, run.link().sent().size(), "confirmed: not sent again");
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
        assertEquals(List.of("den/1/1#placed"), eventIds(aAgain.link()));
    }

    @Test
    void aChangeThatRolledBackLeavesNoEventBehind() {
        Run run = Run.of(store, "bridge-a");
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            AfterCommit e = new AfterCommit();
            e.event(event("den/1/1#placed", "placed"));
            run.publisher().stageEvents(tx, e);
            throw new IllegalStateException("the change failed");
        }));
        assertTrue(run.link().sent().isEmpty());
        assertEquals(0, Run.of(store, "bridge-a").outbox().resendLeftovers());
    }

    @Test
    void anEventThatWasNotWrittenToTheOutboxIsNotPublished() {
        Run run = Run.of(store, "bridge-a");
        AfterCommit unstaged = new AfterCommit();
        unstaged.event(event("den/1/1#placed", "placed"));
        assertThrows(IllegalStateException.class, () -> run.publisher().publish(unstaged));
    }
}
