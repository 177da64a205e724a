package dev.portal.bridge.state;

import java.util.List;

/**
 * A toy's play history as its document shows it: how many sessions and how long in all, with only the most
 * recent sessions in full (oldest first), so the document stays small however long the toy has been played.
 */
public record PlayHistory(int sessions, long totalMillis, List<PlaySession> recent) {
    public PlayHistory {
        recent = List.copyOf(recent);
    }
}
