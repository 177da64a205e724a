package dev.portal.bridge.state;

/**
 * A toy lying on one slot of one pad of one portal, and the play session it opened.
 *
 * @param bootId the portal boot that last announced the toy there: after a restart, the new boot announcing it
 *               again carries the placement (and its play session) over
 */
public record Placement(String deviceId, int pad, int slot, String uid, long sinceMillis, String sessionId,
                        long bootId) {

    /** A placement whose boot is the one in its session id (device/boot/seq), as the bridge makes them. */
    public Placement(String deviceId, int pad, int slot, String uid, long sinceMillis, String sessionId) {
        this(deviceId, pad, slot, uid, sinceMillis, sessionId, bootOf(sessionId));
    }

    /** The boot in a session id made by {@link PlacementRules#sessionId}; 0 for any other id. */
    public static long bootOf(String sessionId) {
        if (sessionId == null) {
            return 0;
        }
        int seq = sessionId.lastIndexOf('/');
        int boot = seq > 0 ? sessionId.lastIndexOf('/', seq - 1) : -1;
        try {
            return boot >= 0 ? Long.parseLong(sessionId.substring(boot + 1, seq)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The same placement, now at this slot and seen by this boot. */
    public Placement seenBy(long boot, int newSlot) {
        return new Placement(deviceId, pad, newSlot, uid, sinceMillis, sessionId, boot);
    }
}
