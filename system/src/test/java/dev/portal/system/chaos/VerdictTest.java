package dev.portal.system.chaos;

import dev.portal.system.portal.World;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chaos verdict itself: it must see every kind of damage, and only damage. */
class VerdictTest {
    private static final String P = "chaos-0";
    private static final String T = "04000000000001";

    private static Action place(long at, int pad) {
        return new Action(at, P, T, true, pad);
    }

    private static Action remove(long at, int pad) {
        return new Action(at, P, T, false, pad);
    }

    private static BridgeRecords.Session session(String boot, long seq, int pad, long from, Long to) {
        return new BridgeRecords.Session(P + "/" + boot + "/" + seq, P, T, pad, from, to);
    }

    private static Verdict.Summary judge(List<Action> actions, World world, List<BridgeRecords.Session> sessions,
                                         List<BridgeRecords.Placed> state) {
        return Verdict.judge(actions, Map.of(P, world), new BridgeRecords(sessions, state, 0), 0);
    }

    @Test
    void everythingDeliveredPasses() {
        Verdict.Summary s = judge(List.of(place(1000, 0), remove(2000, 0), place(3000, 1)), World.empty().with(T, 1),
                List.of(session("7", 1, 0, 1050, 2100L), session("7", 5, 1, 3040, null)),
                List.of(new BridgeRecords.Placed(P, T, 1)));
        assertTrue(s.passed(), s.toString());
        assertEquals(3, s.made());
        assertEquals(3, s.delivered());
    }

    @Test
    void restartReannouncementIsReportedButNotARemoval() {
        Verdict.Summary s = judge(List.of(place(1000, 0)), World.empty().with(T, 0),
                List.of(session("7", 1, 0, 1050, 5000L), session("8", 3, 0, 5100, null)),
                List.of(new BridgeRecords.Placed(P, T, 0)));
        assertTrue(s.passed(), s.toString());
        assertEquals(1, s.restartReannouncements());
    }

    @Test
    void lostPlacementAndRemovalAreCounted() {
        Verdict.Summary s = judge(List.of(place(1000, 0), remove(2000, 0), place(3000, 1), remove(4000, 1)),
                World.empty(), List.of(session("7", 1, 0, 1050, 2100L)), List.of());
        assertFalse(s.passed());
        assertEquals(2, s.lost());
    }

    @Test
    void removalNeverReportedIsLost() {
        Verdict.Summary s = judge(List.of(place(1000, 0), remove(2000, 0)), World.empty(),
                List.of(session("7", 1, 0, 1050, null)), List.of(new BridgeRecords.Placed(P, T, 0)));
        assertEquals(1, s.lost());
        assertEquals(1, s.stateMismatches());
    }

    @Test
    void flickerWithinOneBootIsAFalseRemoval() {
        Verdict.Summary s = judge(List.of(place(1000, 0)), World.empty().with(T, 0),
                List.of(session("7", 1, 0, 1050, 1500L), session("7", 4, 0, 1600, null)),
                List.of(new BridgeRecords.Placed(P, T, 0)));
        assertEquals(1, s.falseRemovals());
        assertFalse(s.passed());
    }

    @Test
    void removalOfAToyThatStayedIsFalse() {
        Verdict.Summary s = judge(List.of(place(1000, 0)), World.empty().with(T, 0),
                List.of(session("7", 1, 0, 1050, 3000L)), List.of());
        assertEquals(1, s.falseRemovals());
        assertEquals(1, s.stateMismatches());
    }

    @Test
    void phantomAndOverlappingSessionsAreDuplicates() {
        Verdict.Summary s = judge(List.of(place(1000, 0)), World.empty().with(T, 0),
                List.of(session("7", 1, 0, 1050, null), session("7", 2, 2, 1100, null)),
                List.of(new BridgeRecords.Placed(P, T, 0), new BridgeRecords.Placed(P, T, 2)));
        // the overlap, a session on a pad nobody used, and the toy twice in the state
        assertEquals(3, s.duplicated(), s.examples().toString());
        assertFalse(s.passed());
    }
}
