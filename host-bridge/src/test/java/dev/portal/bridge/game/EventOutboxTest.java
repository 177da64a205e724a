package dev.portal.bridge.game;

import dev.portal.bridge.state.AfterCommit;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.testing.ManualClock;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A game server must hear every event even when the bridge dies between committing a change and the broker
 * confirming its event: what the broker never confirmed is published again, with the same eventId, by the
 * next run of that bridge, or by another bridge once the dead one's lease has run out.
 */
class EventOutboxTest {
    private static final Duration LEASE = BridgeLease.LEASE;
    private static final Duration STEP = BridgeLease.RENEW_EVERY;

    @TempDir
    Path dir;
    private Store store;
    private final ManualClock clock = new ManualClock(1_000_000);

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

    /**
     * One run of a bridge: its link, the publisher side of its outbox (which resends at once what is
     * unconfirmed) and its lease on a clock the test moves (BridgeLeaseTest).
     */
    private record Run(RecordingLink link, EventOutbox outbox, GamePublisher publisher, BridgeLease lease) {
        static Run of(Store store, String owner) {
            return of(store, owner, Clock.systemUTC());
        }

        static Run of(Store store, String owner, Clock clock) {
            RecordingLink link = new RecordingLink();
            BridgeCounters counters = new BridgeCounters();
            EventOutbox outbox = new EventOutbox(store, link, counters, owner, Duration.ZERO);
            return new Run(link, outbox, new GamePublisher(link, store, counters, outbox),
                    new BridgeLease(store, outbox, owner, BridgeLease.LEASE, clock));
        }

        List<String> eventIds() throws IOException {
            return EventOutboxTest.eventIds(link);
        }

        void commitAndPublish(Store store, String... eventIds) {
            commitAndPublish(store, Stream.of(eventIds).map(id -> event(id, "placed")).toArray(GameEvent[]::new));
        }

        void confirmAll() {
            link.sent().forEach(s -> s.delivered().run());
            outbox.forgetConfirmed();
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

    // A bridge that dies for good strands none of its events: once its lease has run out (BridgeLease), a bridge
    // still running publishes them, and the dead one sends none of them if it comes back. TakeoverStoreContract runs
    // the SQL on PostgreSQL too, TakeoverOnPostgresTest two whole bridges.
    /** Moves the clock on by {@code by}, renewing the leases of {@code running} every RENEW_EVERY, as their timers do. */
    private void run(Duration by, Run... running) {
        for (long done = 0; done < by.toMillis(); done += STEP.toMillis()) {
            clock.advance(STEP);
            for (Run r : running) {
                r.lease().renew();
            }
        }
    }

    @Test
    void aDeadBridgesUnconfirmedEventsArePublishedByAnotherOnceItsLeaseRunsOutAndNotAgainWhenItReturns()
            throws Exception {
        Run a = Run.of(store, "bridge-a", clock);
        Run b = Run.of(store, "bridge-b", clock);
        a.lease().renew();
        b.lease().renew();
        b.commitAndPublish(store, "b/1");
        a.commitAndPublish(store, "a/1", "a/2", "a/3");
        a.link().sent().getFirst().delivered().run(); // the broker confirmed a/1 only...
        a.outbox().forgetConfirmed();
        // ...and bridge-a died.

        run(LEASE.minus(STEP), b);
        assertEquals(List.of("b/1"), b.eventIds(), "a's lease has not run out yet");
        run(STEP.multipliedBy(2), b);
        assertEquals(List.of("b/1", "a/2", "a/3"), b.eventIds(), "after b's own, in their order");
        assertEquals(a.link().sent().get(1).text(), b.link().sent().get(1).text(), "the same message");

        run(STEP, b);
        assertEquals(3, b.link().sent().size(), "taken once");
        Run aBack = Run.of(store, "bridge-a", clock);
        aBack.lease().renew();
        assertEquals(0, aBack.outbox().resendLeftovers(), "its events are b's now");
        Run bAgain = Run.of(store, "bridge-b", clock);
        assertEquals(3, bAgain.outbox().resendLeftovers(), "b's next run would still send them, b's own first");
        assertEquals(List.of("b/1", "a/2", "a/3"), bAgain.eventIds());
        b.confirmAll();
        assertEquals(0, Run.of(store, "bridge-b", clock).outbox().resendLeftovers(), "all confirmed");
    }

    @Test
    void aRunningBridgeKeepsItsEventsAndOneJustStartedOrBackFromAGapJudgesNobodyForALease() throws Exception {
        Run a = Run.of(store, "bridge-a", clock);
        a.lease().renew();
        a.commitAndPublish(store, "a/1");
        Run b = Run.of(store, "bridge-b", clock);
        b.lease().renew();
        run(LEASE.multipliedBy(3), a, b);
        assertEquals(List.of(), b.eventIds(), "a renews: its events stay its own");

        clock.advance(LEASE.plusSeconds(1)); // the database was away from both, longer than a lease
        b.lease().renew();
        a.lease().renew();
        assertEquals(List.of(), b.eventIds(), "a was late because everyone was; b gives it a lease's time");
        run(LEASE.multipliedBy(2), a, b);
        assertEquals(List.of(), b.eventIds());
        assertEquals(List.of("a/1"), a.eventIds());
    }

    @Test
    void aBridgeThatStalledPastItsLeaseStopsResendingWhatWasTakenOverAndKeepsWhatItStagedSince() throws Exception {
        Run a = Run.of(store, "bridge-a", clock);
        Run b = Run.of(store, "bridge-b", clock);
        a.lease().renew();
        b.lease().renew();
        a.commitAndPublish(store, "a/1");
        run(LEASE.plus(STEP.multipliedBy(2)), b); // a stalls: no renewal
        assertEquals(List.of("a/1"), b.eventIds(), "taken over");

        a.commitAndPublish(store, "a/2"); // a wakes up and goes on before its timer renews
        a.lease().renew();
        a.outbox().maintain(); // resends at once what is unconfirmed (Duration.ZERO)
        assertEquals(List.of("a/1", "a/2", "a/2"), a.eventIds(), "a/1 is b's to send now; a/2 stays a's");
        assertEquals(1, Run.of(store, "bridge-a", clock).outbox().resendLeftovers());
    }

    @Test
    void aBridgeCutOffFromTheBrokerLeavesADeadOutboxToOneThatIsNot() throws Exception {
        Run a = Run.of(store, "bridge-a", clock);
        Run b = Run.of(store, "bridge-b", clock);
        Run c = Run.of(store, "bridge-c", clock);
        a.lease().renew();
        a.commitAndPublish(store, "a/1");
        b.link().connected(false);
        run(LEASE.multipliedBy(2), b);
        assertEquals(List.of(), b.eventIds());
        run(LEASE.multipliedBy(2), b, c);
        assertEquals(List.of("a/1"), c.eventIds());
        assertEquals(List.of(), b.eventIds());
    }

    @Test
    void aLeaseTooShortToRenewIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new BridgeLease(store, Run.of(store, "x", clock).outbox(), "x", Duration.ofMillis(5), clock));
    }
}
