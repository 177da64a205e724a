package dev.portal.bridge.state;

import java.util.Optional;

/**
 * A tag write sent to a portal and not answered yet (V9.sql): which toy, at which profile revision, who waits
 * for the answer if anyone, and when the write is given up as timed out.
 */
public record PendingWrite(long correlationId, String deviceId, String uid, long revision,
                           Optional<Requester> requester, long dueMillis) {

    /** The game server's request the write carries out: where its reply goes, and the request's own id. */
    public record Requester(String replyTo, String requestId) {
    }
}
