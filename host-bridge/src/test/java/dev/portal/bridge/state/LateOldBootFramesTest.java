package dev.portal.bridge.state;

import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.store.Store;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.id.Uid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames of a portal's old boot applied after its new boot's Birth: the restarted portal's outbox sends the old boot's
 * last frames again on its new connection, and with bridges sharing the portals (or a broker that held them, or
 * a portal asked to send them again) they may be applied after the new Birth. Found by the two-bridge chaos run on
 * Mosquitto: an old boot's read applied after the new boot's sweep opened a second session of a toy that no
 * frame closed, and it overlapped the toy's next one. Dropping every late frame instead lost the placements of
 * a whole stretch of frames the portal sent again after its restart.
 */
class LateOldBootFramesTest {
    private static final String DEVICE = "late-2";
    private static final long OLD_BOOT = 1;
    private static final long NEW_BOOT = 2;
    private static final Uid TOY = Uid.parse("0400138A0B0DD5");
    private static final long T0 = 1_796_460_000_000L;
    private static final long BORN = T0 + 5_000;
    private static final long GRACE = 3_000;

    @TempDir
    Path dir;
    private Store store;
    private final FrameApplier applier = new FrameApplier(Duration.ofMillis(GRACE), new ToyAuthority(Optional.empty()),
            4);

    @BeforeEach
    void open() {
        store = JdbcStore.openSqlite(dir.resolve("bridge.db"), Clock.systemUTC());
        apply(OLD_BOOT, 0, T0, birth());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void apply(long boot, long seq, long atMillis, Message message) {
        Frame frame = new Frame(Header.of(boot, seq, atMillis, true), message);
        store.inTransaction(tx -> applier.apply(tx, DEVICE, frame, atMillis));
    }

    private List<PlaySession> sessions() {
        return store.inTransaction(tx -> tx.sessions(TOY.hex()));
    }

    private static Birth birth() {
        return new Birth(DEVICE, "1.0.0", Set.of(), List.of(), new Calibration(List.of()), 0);
    }

    private AfterCommit applyLate(long seq, long atMillis, Message message) {
        Frame frame = new Frame(Header.of(OLD_BOOT, seq, atMillis, true), message);
        return store.inTransaction(tx -> applier.apply(tx, DEVICE, frame, atMillis));
    }

    private void restartAndSweep() {
        apply(NEW_BOOT, 0, BORN, birth());
        store.inTransaction(tx -> applier.sweepOldBoots(tx, DEVICE, BORN + GRACE));
    }

    @Test
    void anOldBootsToyPlacedAndLiftedLateIsKeptAsHistory() {
        restartAndSweep();
        applyLate(1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        applyLate(2, T0 + 2_000, new TagRemoved(1, 0, TOY, 1_000));
        List<PlaySession> sessions = sessions();
        assertEquals(1, sessions.size(), sessions.toString());
        assertEquals(T0 + 1_000, sessions.getFirst().startedMillis());
        assertEquals(T0 + 2_000, sessions.getFirst().endedMillis());
    }

    @Test
    void aLatePlacementWhoseRemovalNeverComesIsClosedAsOfTheNewBirth() {
        restartAndSweep();
        AfterCommit after = applyLate(1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        assertEquals(Set.of(DEVICE), after.restarted(), "another sweep is asked for");
        store.inTransaction(tx -> applier.sweepOldBoots(tx, DEVICE, BORN + 2 * GRACE + 5_000));
        List<PlaySession> sessions = sessions();
        assertEquals(1, sessions.size(), sessions.toString());
        assertEquals(BORN, sessions.getFirst().endedMillis(), "the new boot did not find it");
    }

    @Test
    void aLatePlacementOfAToyTheNewBootHoldsIsHistoryBesideItsCurrentSession() {
        apply(NEW_BOOT, 0, BORN, birth());
        apply(NEW_BOOT, 1, BORN + 100, new TagPlaced(2, 0, TOY, TagType.NTAG213));
        applyLate(1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        applyLate(2, T0 + 2_000, new TagRemoved(1, 0, TOY, 1_000));
        List<PlaySession> sessions = sessions();
        assertEquals(2, sessions.size(), sessions.toString());
        assertEquals(T0 + 2_000, sessions.get(0).endedMillis(), "the old boot's placement, ended by its removal");
        assertEquals(2, sessions.get(1).pad());
        assertNull(sessions.get(1).endedMillis(), "the toy lies on pad 2 now");
        assertEquals(2, store.inTransaction(tx -> tx.placementOf(TOY.hex())).orElseThrow().pad());
    }

    @Test
    void aLateHistorySessionWhoseRemovalNeverComesIsEndedBySweepAsOfTheNewBirth() {
        apply(NEW_BOOT, 0, BORN, birth());
        apply(NEW_BOOT, 1, BORN + 100, new TagPlaced(2, 0, TOY, TagType.NTAG213));
        applyLate(1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        store.inTransaction(tx -> applier.sweepOldBoots(tx, DEVICE, BORN + 2 * GRACE + 5_000));
        List<PlaySession> sessions = sessions();
        assertEquals(BORN, sessions.get(0).endedMillis(), sessions.toString());
        assertNull(sessions.get(1).endedMillis(), "the new boot's own session goes on");
    }

    /** Seen in the two-bridge chaos run on Mosquitto: a toy lifted and put back just before a restart. */
    @Test
    void aLateRemovalEndsASessionTheNewBootCarriedOnAndWhatItFoundGetsItsOwn() {
        apply(OLD_BOOT, 1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        apply(NEW_BOOT, 0, BORN, birth());
        apply(NEW_BOOT, 1, BORN + 100, new TagPlaced(1, 0, TOY, TagType.NTAG213)); // carried on
        applyLate(2, T0 + 2_000, new TagRemoved(1, 0, TOY, 1_000));
        applyLate(3, T0 + 3_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        store.inTransaction(tx -> applier.sweepOldBoots(tx, DEVICE, BORN + 2 * GRACE + 5_000));
        List<PlaySession> sessions = sessions();
        assertEquals(3, sessions.size(), sessions.toString());
        assertEquals(T0 + 2_000, sessions.get(0).endedMillis(), "lifted, as the late removal says");
        assertEquals(T0 + 3_000, sessions.get(1).startedMillis(), "put back, as history");
        assertEquals(BORN, sessions.get(1).endedMillis());
        assertEquals(BORN, sessions.get(2).startedMillis(), "what the new boot found, from its Birth");
        assertNull(sessions.get(2).endedMillis());
        for (int i = 1; i < sessions.size(); i++) {
            assertTrue(sessions.get(i - 1).endedMillis() <= sessions.get(i).startedMillis(), sessions.toString());
        }
    }

    /** Seen in the two-bridge chaos run on Mosquitto: the new boot found the toy on another pad. */
    @Test
    void aLateRemovalEndsASessionAMoveHadEndedLaterAtTheRemoval() {
        apply(OLD_BOOT, 1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        apply(NEW_BOOT, 0, BORN, birth());
        apply(NEW_BOOT, 1, BORN + 100, new TagPlaced(3, 0, TOY, TagType.NTAG213)); // ends the old one: "moved"
        applyLate(2, T0 + 2_000, new TagRemoved(1, 0, TOY, 1_000));
        applyLate(3, T0 + 3_000, new TagPlaced(3, 0, TOY, TagType.NTAG213));
        applyLate(4, T0 + 4_000, new TagRemoved(3, 0, TOY, 1_000));
        List<PlaySession> sessions = sessions();
        assertEquals(3, sessions.size(), sessions.toString());
        assertEquals(T0 + 2_000, sessions.get(0).endedMillis(), "lifted when its boot said, not when the move came");
        for (int i = 1; i < sessions.size(); i++) {
            assertTrue(sessions.get(i - 1).endedMillis() <= sessions.get(i).startedMillis(), sessions.toString());
        }
        assertNull(sessions.get(2).endedMillis(), "the new boot's placement on pad 3 goes on");
    }

    /** Seen in the three-bridge chaos run on Mosquitto: the late removal is of a history session, not the carried one. */
    @Test
    void aLateRemovalOnAnotherPadEndsTheHistorySessionThereNotTheCarriedOne() {
        apply(OLD_BOOT, 1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        apply(NEW_BOOT, 0, BORN, birth());
        apply(NEW_BOOT, 1, BORN + 100, new TagPlaced(1, 0, TOY, TagType.NTAG213)); // carried on
        applyLate(2, T0 + 2_000, new TagRemoved(1, 0, TOY, 1_000));
        applyLate(3, T0 + 3_000, new TagPlaced(2, 0, TOY, TagType.NTAG213));
        applyLate(4, T0 + 3_500, new TagRemoved(2, 0, TOY, 500));
        List<PlaySession> sessions = sessions();
        assertEquals(T0 + 2_000, sessions.get(0).endedMillis(), sessions.toString());
        PlaySession onTwo = sessions.stream().filter(x -> x.pad() == 2).findFirst().orElseThrow();
        assertEquals(T0 + 3_500, onTwo.endedMillis(), sessions.toString());
        assertNull(sessions.getLast().endedMillis(), "what the new boot found on pad 1 goes on: " + sessions);
        for (int i = 1; i < sessions.size(); i++) {
            assertTrue(sessions.get(i - 1).endedMillis() <= sessions.get(i).startedMillis(), sessions.toString());
        }
    }

    /** Seen in the three-bridge chaos run on Mosquitto: the restarted portal gave the toy another slot. */
    @Test
    void aLateRemovalEndsACarriedSessionWhoseSlotTheNewBootRenumbered() {
        apply(OLD_BOOT, 1, T0 + 1_000, new TagPlaced(1, 4, TOY, TagType.NTAG213));
        apply(NEW_BOOT, 0, BORN, birth());
        apply(NEW_BOOT, 1, BORN + 100, new TagPlaced(1, 0, TOY, TagType.NTAG213)); // carried on, now slot 0
        applyLate(2, T0 + 2_000, new TagRemoved(1, 4, TOY, 1_000));
        List<PlaySession> sessions = sessions();
        assertEquals(2, sessions.size(), sessions.toString());
        assertEquals(T0 + 2_000, sessions.get(0).endedMillis(), "lifted before the restart");
        assertNull(sessions.get(1).endedMillis(), "what the new boot found goes on");
    }

    @Test
    void aLateReadOpensNothing() {
        restartAndSweep();
        applyLate(1, T0 + 1_000, new ToyAreas(1, 0, TOY, TagType.NTAG213, Optional.empty(), Optional.empty()));
        assertEquals(List.of(), sessions(), "a read is not a placement, and this one's boot is over");
        assertEquals(1L, store.inTransaction(tx -> tx.streams()).stream()
                .filter(p -> p.bootId() == OLD_BOOT).findFirst().orElseThrow().lastSeq(), "the stream moved on");
    }

    @Test
    void aLatePlacementIsHistoryAndTheNewBootsAnnouncementStartsASessionOfItsOwn() {
        apply(NEW_BOOT, 0, BORN, birth());
        applyLate(1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        apply(NEW_BOOT, 1, BORN + 200, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        store.inTransaction(tx -> applier.sweepOldBoots(tx, DEVICE, BORN + GRACE));
        List<PlaySession> sessions = sessions();
        assertEquals(2, sessions.size(), sessions.toString());
        assertEquals(T0 + 1_000, sessions.get(0).startedMillis());
        assertEquals(BORN, sessions.get(0).endedMillis(), "the old boot's, up to the restart");
        assertEquals(BORN + 200, sessions.get(1).startedMillis());
        assertNull(sessions.get(1).endedMillis(), "the toy still lies there");
    }

    @Test
    void anOldBootsLateRemovalEndsTheSessionButNotThePlacementTheNewBootFound() {
        apply(OLD_BOOT, 1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        apply(NEW_BOOT, 0, BORN, birth());
        apply(NEW_BOOT, 1, BORN + 200, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        // lifted and put back while the portal restarted: the old boot's removal comes last
        apply(OLD_BOOT, 2, T0 + 2_000, new TagRemoved(1, 0, TOY, 1_000));
        List<PlaySession> sessions = sessions();
        assertEquals(2, sessions.size(), sessions.toString());
        assertEquals(T0 + 2_000, sessions.get(0).endedMillis(), "lifted before the restart");
        assertEquals(BORN, sessions.get(1).startedMillis(), "found by the new boot");
        assertNull(sessions.get(1).endedMillis(), "the toy lies there: its placement goes on");
        assertEquals(1, store.inTransaction(tx -> tx.placementOf(TOY.hex())).orElseThrow().pad());
    }
}
