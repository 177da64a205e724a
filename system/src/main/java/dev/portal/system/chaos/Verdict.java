package dev.portal.system.chaos;

import dev.portal.system.portal.World;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ground truth against the bridge's records. Each placement the players made (a toy on a pad from its
 * "place" until its "remove", or until the end) is matched with the bridge's play sessions of that toy on
 * that portal that started after it and before the toy's next placement, on the same pad. Then:
 * <ul>
 *   <li>lost: a placement with no session, or a removal whose session never ended;</li>
 *   <li>false removals: a session that ended while the toy stayed, within the same portal boot (RF noise
 *       taken for a lift) or at the end of the run;</li>
 *   <li>restart re-announcements: a session closed because the portal restarted ("portal-restarted") and
 *       re-opened by the new boot on the same pad while the toy stayed: reported, not a removal by the player;</li>
 *   <li>duplicated: sessions of one toy overlapping in time, sessions nobody's placement explains, and state
 *       rows (placements) that are doubled or differ from the world.</li>
 * </ul>
 */
public final class Verdict {
    /** Player and portals read the same host clock; this covers the rounding between them. */
    static final long CLOCK_SLACK_MILLIS = 20;

    /**
     * @param lostPlacements the placements with no session, for telling where they were lost
     *                       ({@link FrameTap#unpublished})
     */
    public record Summary(long made, long delivered, long lost, long duplicated, long falseRemovals,
                          long restartReannouncements, long stateMismatches, List<String> examples,
                          List<LostPlacement> lostPlacements) {
        public boolean passed() {
            return lost == 0 && duplicated == 0 && falseRemovals == 0 && stateMismatches == 0;
        }
    }

    private record Interval(String pad, int padNo, long from, long to, boolean closed) {
    }

    /** A toy on {@code pad} of {@code portal} from {@code fromMillis} to {@code toMillis} (MAX_VALUE: to the end). */
    public record LostPlacement(String portal, String uid, int pad, long fromMillis, long toMillis) {
    }

    private long delivered;
    private long lost;
    private long duplicated;
    private long falseRemovals;
    private long reannounced;
    private long stateMismatches;
    private final List<String> examples = new ArrayList<>();
    private final List<LostPlacement> lostPlacements = new ArrayList<>();

    public static Summary judge(List<Action> actions, Map<String, World> finalWorlds, BridgeRecords bridge, long endMillis) {
        return new Verdict().run(actions, finalWorlds, bridge, endMillis);
    }

    private Summary run(List<Action> actions, Map<String, World> worlds, BridgeRecords bridge, long endMillis) {
        Map<String, List<Interval>> truth = new HashMap<>();
        Map<String, Action> open = new HashMap<>();
        for (Action a : actions) {
            String key = a.portal() + " " + a.uid();
            if (a.placed()) {
                open.put(key, a);
            } else {
                Action p = open.remove(key);
                truth.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Interval(key, p.pad(), p.atMillis(), a.atMillis(), true));
            }
        }
        open.forEach((key, p) -> truth.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new Interval(key, p.pad(), p.atMillis(), Long.MAX_VALUE, false)));
        Map<String, List<BridgeRecords.Session>> sessions = new HashMap<>();
        for (BridgeRecords.Session s : bridge.sessions()) {
            sessions.computeIfAbsent(s.deviceId() + " " + s.uid(), k -> new ArrayList<>()).add(s);
        }
        for (String key : union(truth, sessions)) {
            match(key, truth.getOrDefault(key, List.of()), sessions.getOrDefault(key, List.of()));
        }
        checkState(worlds, bridge);
        return new Summary(actions.size(), delivered, lost, duplicated, falseRemovals, reannounced, stateMismatches,
                List.copyOf(examples), List.copyOf(lostPlacements));
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return List.copyOf(keys);
    }

    private void match(String key, List<Interval> truth, List<BridgeRecords.Session> sessions) {
        Map<Interval, List<BridgeRecords.Session>> byInterval = new HashMap<>();
        BridgeRecords.Session previous = null;
        for (BridgeRecords.Session s : sessions) {
            if (previous != null && (previous.endedMillis() == null || previous.endedMillis() > s.startedMillis())) {
                duplicated++;
                example("two sessions of " + key + " at once: " + previous.sessionId() + ", " + s.sessionId());
            }
            previous = s;
            // A portal reports a placement after it happened and before the toy's next placement (players wait
            // for a portal that is down), so a session belongs to the toy's last placement before it started.
            Interval best = null;
            for (Interval i : truth) {
                if (i.from <= s.startedMillis() + CLOCK_SLACK_MILLIS && (best == null || i.from > best.from)) {
                    best = i;
                }
            }
            if (best != null && best.padNo != s.pad()) {
                best = null;
            }
            if (best == null) {
                duplicated++;
                example("session " + s.sessionId() + " of " + key + " on pad " + s.pad() + " matches no placement");
            } else {
                byInterval.computeIfAbsent(best, i -> new ArrayList<>()).add(s);
            }
        }
        for (Interval i : truth) {
            List<BridgeRecords.Session> got = byInterval.getOrDefault(i, List.of());
            if (got.isEmpty()) {
                lost += i.closed ? 2 : 1;
                String[] portalAndUid = key.split(" ");
                lostPlacements.add(new LostPlacement(portalAndUid[0], portalAndUid[1], i.padNo, i.from, i.to));
                example("placement of " + key + " on pad " + i.padNo + " at " + i.from + " never reached the bridge");
                continue;
            }
            delivered++;
            for (int n = 1; n < got.size(); n++) {
                if (got.get(n).boot().equals(got.get(n - 1).boot())) {
                    falseRemovals++;
                    example("false removal of " + key + ": " + got.get(n - 1).sessionId() + " ended at "
                            + got.get(n - 1).endedMillis() + " while the toy stayed");
                } else {
                    reannounced++;
                }
            }
            boolean sessionEnded = got.getLast().endedMillis() != null;
            if (i.closed && sessionEnded) {
                delivered++;
            } else if (i.closed) {
                lost++;
                example("removal of " + key + " at " + i.to + " never reached the bridge");
            } else if (sessionEnded) {
                falseRemovals++;
                example("false removal of " + key + " at " + got.getLast().endedMillis() + ": still on pad " + i.padNo);
            }
        }
    }

    private void checkState(Map<String, World> worlds, BridgeRecords bridge) {
        Map<String, BridgeRecords.Placed> state = new HashMap<>();
        for (BridgeRecords.Placed p : bridge.placements()) {
            if (state.put(p.deviceId() + " " + p.uid(), p) != null) {
                duplicated++;
                example("state holds " + p.uid() + " twice on " + p.deviceId());
            }
        }
        worlds.forEach((portal, world) -> world.toys().forEach((uid, pad) -> {
            BridgeRecords.Placed p = state.remove(portal + " " + uid);
            if (p == null || p.pad() != pad) {
                stateMismatches++;
                example("state: " + uid + " lies on " + portal + " pad " + pad + ", the bridge says "
                        + (p == null ? "nowhere" : "pad " + p.pad()));
            }
        }));
        state.values().forEach(p -> {
            stateMismatches++;
            example("state: the bridge has " + p.uid() + " on " + p.deviceId() + " pad " + p.pad() + "; it is not there");
        });
    }

    private void example(String text) {
        if (examples.size() < 20) {
            examples.add(text);
        }
    }
}
