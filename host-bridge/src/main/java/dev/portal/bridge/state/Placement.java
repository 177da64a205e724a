package dev.portal.bridge.state;

/** A toy lying on one slot of one pad of one portal, and the play session it opened. */
public record Placement(String deviceId, int pad, int slot, String uid, long sinceMillis, String sessionId) {
}
