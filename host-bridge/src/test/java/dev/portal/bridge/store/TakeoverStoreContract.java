package dev.portal.bridge.store;

import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.state.PendingWrite;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bridge leases and outbox takeover (V9) the same way on every database: JdbcStoreContract's subclasses run these. */
abstract class TakeoverStoreContract extends PlayerStoreContract {
    private static OutboxEvent event(long position, String id) {
        return new OutboxEvent(position, id, "{\"eventId\":\"" + id + "\"}");
    }

    private static void add(Store store, String owner, OutboxEvent... events) {
        store.inTransaction(tx -> {
            for (OutboxEvent e : events) {
                tx.addToOutbox(owner, e);
            }
            return null;
        });
    }

    private static boolean renew(Store store, String owner, long expires) {
        return store.inTransaction(tx -> tx.takeover().renewLease(owner, expires));
    }

    @Test
    void aLeaseIsStartedThenRenewedAndOnlyOthersRunOutLeasesAreListed() {
        try (JdbcStore store = open("leases")) {
            assertFalse(renew(store, "a", 100), "no lease before");
            assertTrue(renew(store, "a", 200));
            renew(store, "b", 300);
            renew(store, "c", 50);
            assertEquals(List.of("a"), store.inTransaction(tx -> tx.takeover().expiredLeases("c", 250)));
            assertEquals(List.of("a", "c"), store.inTransaction(tx -> tx.takeover().expiredLeases("b", 250)));
            assertEquals(List.of("c"), store.inTransaction(tx -> tx.takeover().expiredLeases("b", 200)), "a's 200 is not before 200");
        }
    }

    @Test
    void aDeadOwnersEventsMoveToTheHeirAfterItsOwnInTheirOrderWithTheirIds() {
        try (JdbcStore store = open("takeover")) {
            renew(store, "dead", 100);
            add(store, "dead", event(3, "d3"), event(4, "d4"), event(7, "d7"));
            add(store, "heir", event(0, "h0"), event(1, "h1"));
            List<OutboxEvent> taken = store.inTransaction(tx -> tx.takeover().takeOutbox("dead", "heir", 2, 101));
            assertEquals(List.of(event(2, "d3"), event(3, "d4"), event(6, "d7")), taken, "renumbered, gaps kept");
            assertEquals(List.of(), store.inTransaction(tx -> tx.outbox("dead")));
            assertEquals(List.of("h0", "h1", "d3", "d4", "d7"), store.inTransaction(tx -> tx.outbox("heir")).stream()
                    .map(OutboxEvent::eventId).toList(), "the heir's next run resends them all, in order");
            assertEquals(List.of(), store.inTransaction(tx -> tx.takeover().expiredLeases("heir", Long.MAX_VALUE)),
                    "the dead lease is gone");
            assertFalse(renew(store, "dead", 500), "a bridge coming back starts a new lease");
        }
    }

    @Test
    void aLeaseStillRunningOrAlreadyTakenYieldsNothing() {
        try (JdbcStore store = open("not-taken")) {
            renew(store, "a", 100);
            add(store, "a", event(0, "a0"));
            assertEquals(List.of(), store.inTransaction(tx -> tx.takeover().takeOutbox("a", "b", 0, 100)));
            assertEquals(1, store.inTransaction(tx -> tx.outbox("a")).size(), "still a's");
            assertEquals(1, store.inTransaction(tx -> tx.takeover().takeOutbox("a", "b", 0, 101)).size());
            assertEquals(List.of(), store.inTransaction(tx -> tx.takeover().takeOutbox("a", "c", 0, 101)));
            assertEquals(List.of(), store.inTransaction(tx -> tx.outbox("c")));
        }
    }

    private static boolean settle(Store store, long correlationId) {
        return store.inTransaction(tx -> tx.takeover().settleWrite(correlationId));
    }

    @Test
    void aPendingWriteIsReadBackAsWrittenAndSettledOnceAndTheOverdueComeOldestFirst() {
        PendingWrite asked = new PendingWrite(16_777_300L, "den", "04AA", 7,
                Optional.of(new PendingWrite.Requester("game/replies/shop", "r-1")), 5_000);
        PendingWrite planned = new PendingWrite(16_777_301L, "attic", "04BB", 2, Optional.empty(), 4_000);
        try (JdbcStore store = open("writes")) {
            store.inTransaction(tx -> {
                tx.takeover().addWrite(asked);
                tx.takeover().addWrite(planned);
                return null;
            });
            assertEquals(Optional.of(asked), store.inTransaction(tx -> tx.takeover().pendingWrite(asked.correlationId())));
            assertEquals(List.of(planned, asked), store.inTransaction(tx -> tx.takeover().overdueWrites(5_001, 10)));
            assertEquals(List.of(planned), store.inTransaction(tx -> tx.takeover().overdueWrites(5_000, 10)));
            assertEquals(List.of(planned), store.inTransaction(tx -> tx.takeover().overdueWrites(9_000, 1)));
            assertTrue(settle(store, planned.correlationId()));
            assertFalse(settle(store, planned.correlationId()), "settled once");
            assertEquals(Optional.empty(), store.inTransaction(tx -> tx.takeover().pendingWrite(planned.correlationId())));
        }
    }

    /** Events left by a bridge of a release before V9 have no lease: V9 gives their owner one that has run out. */
    @Test
    void v9GivesTheOwnersOfWaitingEventsALeaseThatHasRunOut() throws Exception {
        try (JdbcStore store = open("v8")) {
            add(store, "old-bridge", event(0, "o0"));
        }
        try (Connection c = connect("v8"); Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE pending_write"); // back to V8, as a bridge of the previous release left it
            statement.execute("DROP TABLE bridge_lease");
            statement.execute("DELETE FROM schema_version WHERE version = 9");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        try (JdbcStore store = open("v8")) {
            assertEquals(List.of("old-bridge"), store.inTransaction(tx -> tx.takeover().expiredLeases("new-bridge", 1)));
            assertEquals(1, store.inTransaction(tx -> tx.takeover().takeOutbox("old-bridge", "new-bridge", 0, 1)).size());
        }
    }

    /** Several bridges finding the same dead leases at once: each dead outbox goes to exactly one of them. */
    @Test
    void heirsRacingForTheSameDeadOutboxesGetEachEventExactlyOnce() throws Exception {
        int dead = 20;
        int perOwner = 5;
        try (JdbcStore setup = open("race")) {
            for (int d = 0; d < dead; d++) {
                renew(setup, "dead-" + d, 10);
                for (int p = 0; p < perOwner; p++) {
                    add(setup, "dead-" + d, event(p, "dead-" + d + "/" + p));
                }
            }
        }
        List<String> heirs = List.of("heir-1", "heir-2", "heir-3");
        List<JdbcStore> stores = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(heirs.size());
        try {
            CyclicBarrier start = new CyclicBarrier(heirs.size());
            List<Future<Integer>> takers = new ArrayList<>();
            for (String heir : heirs) {
                JdbcStore store = open("race");
                stores.add(store);
                takers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    long next = 0;
                    int taken = 0;
                    for (int d = 0; d < dead; d++) {
                        long first = next;
                        String owner = "dead-" + d;
                        List<OutboxEvent> mine = store.inTransaction(tx -> tx.takeover().takeOutbox(owner, heir, first, 11));
                        taken += mine.size();
                        next = mine.isEmpty() ? next : mine.getLast().position() + 1;
                    }
                    return taken;
                }));
            }
            int total = 0;
            for (Future<Integer> taker : takers) {
                total += taker.get(60, TimeUnit.SECONDS);
            }
            assertEquals(dead * perOwner, total, "every event taken once");
            List<String> ids = new ArrayList<>();
            for (String heir : heirs) {
                stores.getFirst().inTransaction(tx -> tx.outbox(heir)).forEach(e -> ids.add(e.eventId()));
            }
            assertEquals(dead * perOwner, ids.size());
            assertEquals(dead * perOwner, ids.stream().distinct().count(), "none twice: " + ids);
        } finally {
            pool.shutdownNow();
            stores.forEach(JdbcStore::close);
        }
    }
}
