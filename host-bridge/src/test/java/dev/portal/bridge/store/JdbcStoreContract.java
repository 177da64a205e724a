package dev.portal.bridge.store;

import dev.portal.protocol.toy.Colours;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.state.PlayHistory;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.state.ToyProfile;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every database behind JdbcStore must do the same way. Subclasses run it on SQLite and on PostgreSQL,
 * so a statement that only one of them accepts, or reads back differently, fails here.
 */
abstract class JdbcStoreContract extends MigrationContract {
    /** Opens the database called {@code name} (created empty on first use); the same name opens the same data. */
    protected abstract JdbcStore open(String name);

    /** A plain connection to the database called {@code name}, to look below the Store interface. */
    protected abstract Connection connect(String name) throws SQLException;

    static ToyProfile toy(String uid, long xp) {
        return new ToyProfile(uid, 7, 1, "Blaze", new Colours(0xFF0000, 0x00FF00, 0x0000FF),
                new TreeSet<>(Set.of(3, 1)), xp, 1, "RECOGNISED", 1000, 2000, false, 1);
    }

    @Test
    void everythingSurvivesReopeningTheStore() {
        PortalState portal = new PortalState("portal-1", true, 42L, "1.2.3", List.of("LED"),
                List.of(Map.of("pad", 0, "slots", 3)), Map.of("gain", 4), 9L, Map.of("uptime", 12), 5000);
        try (JdbcStore store = open("restart")) {
            store.inTransaction(tx -> {
                tx.savePortal(portal);
                tx.saveStream(new StreamPosition("portal-1", 42, 17), 4000);
                tx.saveToy(toy("04AABBCC", 250));
                tx.savePlacement(new Placement("portal-1", 0, 1, "04AABBCC", 6000, "portal-1/42/3"));
                tx.openSession(new PlaySession("portal-1/42/3", "04AABBCC", "portal-1", 0, 1, 6000, null, null));
                return null;
            });
        }
        try (JdbcStore store = open("restart")) {
            store.inTransaction(tx -> {
                assertEquals(portal, tx.portal("portal-1").orElseThrow());
                assertEquals(17, tx.stream("portal-1", 42).orElseThrow().lastSeq());
                assertEquals(toy("04AABBCC", 250), tx.toy("04AABBCC").orElseThrow());
                assertEquals("04AABBCC", tx.placement("portal-1", 0, 1).orElseThrow().uid());
                tx.closeSession("portal-1/42/3", 9500);
                tx.closeSession("portal-1/42/3", 99999); // a replayed removal does not move the end
                return null;
            });
            PlaySession closed = store.inTransaction(tx -> tx.sessions("04AABBCC")).getFirst();
            assertEquals(9500L, closed.endedMillis());
            assertEquals(3500L, closed.durationMillis());
        }
    }

    @Test
    void onlyTheNewestBootsOfADeviceAndItsCurrentOneKeepTheirPosition() {
        try (JdbcStore store = open("boots")) {
            store.inTransaction(tx -> {
                for (long boot = 1; boot <= 6; boot++) {
                    tx.saveStream(new StreamPosition("looping", boot, 3), 1000 * boot);
                }
                tx.saveStream(new StreamPosition("looping", 99, 0), 10); // current, with a clock far behind
                tx.saveStream(new StreamPosition("other", 1, 0), 1);
                tx.keepNewestBoots("looping", 99, 3);
                return null;
            });
            assertEquals(List.of("looping/5", "looping/6", "looping/99", "other/1"), store.inTransaction(tx ->
                    tx.streams().stream().map(s -> s.deviceId() + "/" + s.bootId()).sorted().toList()));
            store.inTransaction(tx -> {
                tx.keepNewestBoots("looping", 99, 1);
                return null;
            });
            assertEquals(List.of("looping/99", "other/1"), store.inTransaction(tx ->
                    tx.streams().stream().map(s -> s.deviceId() + "/" + s.bootId()).sorted().toList()));
        }
    }

    @Test
    void upsertsReplaceAndAFailedTransactionLeavesNothingBehind() {
        try (JdbcStore store = open("upserts")) {
            store.inTransaction(tx -> {
                tx.saveToy(toy("01", 10));
                tx.saveToy(toy("01", 900).withName("Ember"));
                return null;
            });
            assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
                tx.saveToy(toy("01", 5000));
                tx.saveToy(toy("02", 1));
                throw new IllegalStateException("boom");
            }));
            List<ToyProfile> toys = store.inTransaction(StoreTx::toys);
            assertEquals(1, toys.size());
            assertEquals(900, toys.getFirst().xp());
            assertEquals("Ember", toys.getFirst().name());
        }
    }

    @Test
    void aStatementTheDatabaseRefusesRollsBackAndTheStoreStaysUsable() {
        try (JdbcStore store = open("refused")) {
            StoreException e = assertThrows(StoreException.class, () -> store.inTransaction(tx -> {
                tx.saveToy(toy("01", 10));
                tx.savePlacement(new Placement("portal-1", 0, 0, null, 1, "s")); // uid is NOT NULL
                return null;
            }));
            assertTrue(e.getMessage().contains("placement"), e.getMessage());
            // PostgreSQL aborts the whole transaction on an error; the next one must start clean.
            store.inTransaction(tx -> {
                tx.saveToy(toy("02", 20));
                return null;
            });
            assertEquals(List.of("02"), store.inTransaction(tx -> tx.toys().stream().map(ToyProfile::uid).toList()));
        }
    }

    @Test
    void nullsAndBooleansReadBackAsWritten() {
        PortalState unknown = PortalState.unknown("portal-2", 77);
        ToyProfile pending = toy("0A", 5).withWritePending(true).withUpgrades(Set.of());
        try (JdbcStore store = open("nulls")) {
            store.inTransaction(tx -> {
                tx.savePortal(unknown);
                tx.saveToy(pending);
                tx.openSession(new PlaySession("s1", "0A", "portal-2", 1, 2, 100, null, null));
                return null;
            });
            store.inTransaction(tx -> {
                assertEquals(unknown, tx.portal("portal-2").orElseThrow());
                assertEquals(pending, tx.toy("0A").orElseThrow());
                assertEquals(new PlaySession("s1", "0A", "portal-2", 1, 2, 100, null, null),
                        tx.sessions("0A").getFirst());
                return null;
            });
            // And back: true -> false, null -> value -> null.
            PortalState online = unknown.withOnline(true, 80);
            PortalState booted = new PortalState("portal-2", true, 5L, "2.0", List.of(), List.of(), Map.of(), 3L,
                    Map.of(), 90);
            store.inTransaction(tx -> {
                tx.savePortal(booted);
                tx.saveToy(pending.withWritePending(false));
                return null;
            });
            assertEquals(booted, store.inTransaction(tx -> tx.portal("portal-2")).orElseThrow());
            assertFalse(store.inTransaction(tx -> tx.toy("0A")).orElseThrow().writePending());
            store.inTransaction(tx -> {
                tx.savePortal(online);
                return null;
            });
            assertEquals(online, store.inTransaction(tx -> tx.portal("portal-2")).orElseThrow());
        }
    }

    @Test
    void aTransactionReadsThePortalItJustWroteAndARollbackForgetsIt() {
        PortalState first = PortalState.unknown("portal-3", 10);
        PortalState later = first.withOnline(true, 20);
        try (JdbcStore store = open("read-own-writes")) {
            store.inTransaction(tx -> {
                assertEquals(Optional.empty(), tx.portal("portal-3"));
                tx.savePortal(first);
                assertEquals(first, tx.portal("portal-3").orElseThrow());
                tx.savePortal(later);
                assertEquals(later, tx.portal("portal-3").orElseThrow());
                return null;
            });
            assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
                tx.savePortal(later.withOnline(false, 30));
                throw new IllegalStateException("rolled back");
            }));
            assertEquals(later, store.inTransaction(tx -> tx.portal("portal-3")).orElseThrow());
        }
    }

    /** The largest values the protocol and the update API let through must fit the columns. */
    @Test
    void valuesAtTheProtocolLimitsFit() {
        String deviceId = "d".repeat(64);                                   // Birth: 1..64 characters
        String firmware = "\u00e9".repeat(127) + "x";                          // Birth: at most 255 UTF-8 bytes
        String uid = "0123456789ABCDEF0123";                                // 10 bytes in hex
        String name = "\uD83D\uDD25".repeat(5);                              // a name is at most 20 UTF-8 bytes
        TreeSet<Integer> upgrades = IntStream.rangeClosed(0, 63).boxed().collect(Collectors.toCollection(TreeSet::new));
        long u32 = 0xFFFF_FFFFL;
        String sessionId = deviceId + "/" + Long.MAX_VALUE + "/" + Long.MAX_VALUE;
        PortalState portal = new PortalState(deviceId, true, u32, firmware, List.of("LED", "NFC"),
                List.of(Map.of("pad", 31, "slots", 8, "label", "\u00fcber")), Map.of("gain", -1), u32,
                Map.of("uptime", Long.MAX_VALUE), Long.MAX_VALUE);
        ToyProfile toy = new ToyProfile(uid, 0xFFFF, 0xFF, name, new Colours(0xFFFFFF, 0xFFFFFF, 0xFFFFFF), upgrades,
                u32, 99, "RECOGNISED", Long.MAX_VALUE, Long.MAX_VALUE, true, Long.MAX_VALUE);
        try (JdbcStore store = open("limits")) {
            store.inTransaction(tx -> {
                tx.savePortal(portal);
                tx.saveStream(new StreamPosition(deviceId, u32, Long.MAX_VALUE), Long.MAX_VALUE);
                tx.saveToy(toy);
                tx.savePlacement(new Placement(deviceId, 31, 7, uid, Long.MAX_VALUE, sessionId));
                tx.openSession(new PlaySession(sessionId, uid, deviceId, 31, 7, 0, null, null));
                tx.closeSession(sessionId, Long.MAX_VALUE);
                return null;
            });
            store.inTransaction(tx -> {
                assertEquals(portal, tx.portal(deviceId).orElseThrow());
                assertEquals(new StreamPosition(deviceId, u32, Long.MAX_VALUE), tx.stream(deviceId, u32).orElseThrow());
                assertEquals(toy, tx.toy(uid).orElseThrow());
                assertEquals(new Placement(deviceId, 31, 7, uid, Long.MAX_VALUE, sessionId),
                        tx.placementOf(uid).orElseThrow());
                assertEquals(new PlaySession(sessionId, uid, deviceId, 31, 7, 0, Long.MAX_VALUE, Long.MAX_VALUE),
                        tx.sessions(uid).getFirst());
                return null;
            });
        }
    }

    @Test
    void listsComeBackInTheirDocumentedOrder() {
        try (JdbcStore store = open("order")) {
            store.inTransaction(tx -> {
                tx.saveStream(new StreamPosition("b", 2, 1), 300);
                tx.saveStream(new StreamPosition("a", 9, 1), 200);
                tx.saveStream(new StreamPosition("b", 1, 1), 100);
                tx.saveStream(new StreamPosition("b", 1, 5), 999); // an upsert keeps the first born time
                tx.saveStream(new StreamPosition("b", 1, 4), 999); // and never moves the position back
                tx.saveToy(toy("0B", 1));
                tx.saveToy(toy("0A", 1));
                tx.savePlacement(new Placement("p", 1, 0, "0A", 10, "p/1/1"));
                tx.savePlacement(new Placement("p", 0, 2, "0B", 20, "p/1/2"));
                tx.savePlacement(new Placement("p", 0, 1, "0A", 30, "p/1/3"));
                tx.savePlacement(new Placement("q", 0, 0, "0A", 5, "q/1/1"));
                tx.openSession(new PlaySession("x/2", "0A", "p", 0, 0, 50, null, null));
                tx.openSession(new PlaySession("x/1", "0A", "p", 0, 0, 50, null, null));
                tx.openSession(new PlaySession("w", "0A", "p", 0, 0, 40, null, null));
                tx.openSession(new PlaySession("w", "0A", "p", 9, 9, 1, null, null)); // a replay changes nothing
                return null;
            });
            store.inTransaction(tx -> {
                assertEquals(List.of(new StreamPosition("a", 9, 1), new StreamPosition("b", 1, 5),
                        new StreamPosition("b", 2, 1)), tx.streams());
                assertEquals(List.of("0A", "0B"), tx.toys().stream().map(ToyProfile::uid).toList());
                assertEquals(List.of("p/1/3", "p/1/2", "p/1/1"),
                        tx.placements("p").stream().map(Placement::sessionId).toList());
                assertEquals("p/1/3", tx.placementOf("0A").orElseThrow().sessionId()); // the latest one
                assertEquals(List.of("w", "x/1", "x/2"), tx.sessions("0A").stream().map(PlaySession::sessionId).toList());
                assertEquals(40, tx.sessions("0A").getFirst().startedMillis());
                tx.deletePlacement("p", 0, 1);
                tx.deletePlacement("p", 0, 1);
                assertEquals(Optional.empty(), tx.placement("p", 0, 1));
                assertEquals(2, tx.placements("p").size());
                assertEquals(Optional.empty(), tx.placementOf("0C"));
                assertEquals(List.of(), tx.sessions("0C"));
                return null;
            });
        }
    }

    @Test
    void aToysHistoryCountsEverySessionButCarriesOnlyTheNewestInFull() throws Exception {
        try (JdbcStore store = open("history")) {
            store.inTransaction(tx -> {
                for (int i = 0; i < 25; i++) {
                    tx.openSession(new PlaySession("s" + i, "0A", "p", 0, 0, 1_000L * i, null, null));
                    if (i < 24) {
                        tx.closeSession("s" + i, 1_000L * i + 100 + i); // the last one is still open
                    }
                }
                tx.openSession(new PlaySession("other", "0B", "p", 0, 1, 5, null, null));
                return null;
            });
            PlayHistory history = store.inTransaction(tx -> tx.playHistory("0A", 10));
            assertEquals(25, history.sessions());
            long closed = 0;
            for (int i = 0; i < 24; i++) {
                closed += 100 + i;
            }
            assertEquals(closed, history.totalMillis(), "open sessions add nothing yet");
            assertEquals(List.of("s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24"),
                    history.recent().stream().map(PlaySession::sessionId).toList());
            assertTrue(history.recent().getLast().open());
            assertEquals(new PlayHistory(0, 0, List.of()), store.inTransaction(tx -> tx.playHistory("0C", 10)));
        }
    }

    @Test
    void theToysActiveNearTheLastSightingAreFoundWithoutTheOthers() throws Exception {
        try (JdbcStore store = open("active")) {
            assertEquals(List.of(), store.inTransaction(tx -> tx.toysActiveNear(Duration.ofMinutes(10))));
            store.inTransaction(tx -> {
                tx.saveToy(toy("0A", 1).seen("RECOGNISED", 1_000_000));
                tx.saveToy(toy("0B", 1).seen("RECOGNISED", 1_000_000 - 600_000)); // exactly at the edge
                tx.saveToy(toy("0C", 1).seen("RECOGNISED", 1_000_000 - 600_001));
                return null;
            });
            assertEquals(List.of("0A", "0B"), store.inTransaction(tx -> tx.toysActiveNear(Duration.ofMinutes(10)))
                    .stream().map(ToyProfile::uid).toList());
        }
    }

    @Test
    void idBlocksReservedAtOnceThroughTwoStoresNeverOverlapNorComeBackAfterAReopen() throws Exception {
        int blocks = 40;
        int size = 100;
        List<Long> firsts = new ArrayList<>();
        try (JdbcStore one = open("ids"); JdbcStore two = open("ids")) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<Long>>> reservers = new ArrayList<>();
                for (JdbcStore store : List.of(one, two)) {
                    reservers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        List<Long> mine = new ArrayList<>();
                        for (int i = 0; i < blocks; i++) {
                            mine.add(store.inTransaction(tx -> tx.reserveIds("command-correlation", size)));
                        }
                        return mine;
                    }));
                }
                for (Future<List<Long>> r : reservers) {
                    firsts.addAll(r.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        try (JdbcStore reopened = open("ids")) {
            firsts.add(reopened.inTransaction(tx -> tx.reserveIds("command-correlation", size)));
        }
        List<Long> sorted = firsts.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i) - sorted.get(i - 1) >= size, "blocks overlap: " + sorted);
        }
        assertEquals(sorted.getLast(), firsts.getLast(), "the block after the reopen comes after all others");
    }
}
