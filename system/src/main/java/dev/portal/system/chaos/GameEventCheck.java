package dev.portal.system.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Did the game hear about every play session the bridge recorded? A session opens with a "placed" event
 * ({sessionId}#placed), or with the toy read that found the toy ({sessionId}#read) when its TagPlaced was
 * lost; a session that ended has its "removed" event ({sessionId}#removed). An event heard again with the same
 * content is a harmless copy ({@code copies}); one eventId heard with different contents ({@code conflicting})
 * is a duplicate the game would get wrong.
 */
record GameEventCheck(long expected, long missing, long copies, long conflicting, List<String> examples) {

    /** Nothing missing and no eventId with two contents. */
    boolean passed() {
        return missing == 0 && conflicting == 0;
    }

    static GameEventCheck of(List<BridgeRecords.Session> sessions, GameListener game) {
        return of(sessions, game.eventIds(), game.copies(), game.conflicting());
    }

    static GameEventCheck of(List<BridgeRecords.Session> sessions, Set<String> heard, long copies,
                             List<String> conflicting) {
        long expected = 0;
        long missing = 0;
        List<String> examples = new ArrayList<>();
        for (BridgeRecords.Session s : sessions) {
            expected++;
            if (!heard.contains(s.sessionId() + "#placed") && !heard.contains(s.sessionId() + "#read")) {
                missing++;
                example(examples, "the game never heard that session " + s.sessionId() + " (" + s.uid() + ") began");
            }
            if (s.endedMillis() != null) {
                expected++;
                if (!heard.contains(s.sessionId() + "#removed")) {
                    missing++;
                    example(examples, "the game never heard that session " + s.sessionId() + " (" + s.uid() + ") ended");
                }
            }
        }
        for (String id : conflicting) {
            example(examples, "the game heard event " + id + " with two different contents");
        }
        return new GameEventCheck(expected, missing, copies, conflicting.size(), List.copyOf(examples));
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 10) {
            examples.add(text);
        }
    }
}
