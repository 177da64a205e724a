package dev.portal.bridge.state;

/** One placement of a toy, from the moment it was put down to the moment it was lifted (open while on the pad). */
public record PlaySession(String sessionId, String uid, String deviceId, int pad, int slot, long startedMillis,
                          Long endedMillis, Long durationMillis) {

    public boolean open() {
        return endedMillis == null;
    }
}
