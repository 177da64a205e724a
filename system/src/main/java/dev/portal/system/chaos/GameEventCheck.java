package dev.portal.system.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Did the game hear about every play session the bridge recorded? A session opens with a "placed" event
 * ({sessionId}#placed), or with the toy read that found the toy ({sessionId}#read) when its TagPlaced was
 * lost; a session that ended has its "removed" event ({sessionId}#removed).
 */
record GameEventCheck(long expected, long missing, long copies, List<String> examples) {

    static GameEventCheck of(List<BridgeRecords.Session> sessions, Set<String> heard, long copies) {
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
        return new GameEventCheck(expected, missing, copies, List.copyOf(examples));
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 10) {
            examples.add(text);
        }
    }
}
