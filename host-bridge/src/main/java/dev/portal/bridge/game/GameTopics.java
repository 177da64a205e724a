package dev.portal.bridge.game;

/** The topics the bridge serves to game servers and the portal topics it reads; see host-bridge/asyncapi.yaml. */
public final class GameTopics {
    public static final String EVENTS = "game/events";
    public static final String DEADLETTER = "game/deadletter";
    public static final String STATUS = "game/bridge/status";
    public static final String UPDATES = "game/toys/+/update";
    public static final String PORTAL_EVENTS = "portal/+/evt";
    public static final String PORTAL_STATUS = "portal/+/status";

    private GameTopics() {
    }

    public static String portal(String deviceId) {
        return "game/portals/" + deviceId;
    }

    public static String toy(String uid) {
        return "game/toys/" + uid;
    }

    public static String command(String deviceId) {
        return "portal/" + deviceId + "/cmd";
    }

    /** The device id in portal/{id}/{leaf}, or null when the topic is not of that shape. */
    public static String deviceOf(String topic, String leaf) {
        String[] parts = topic.split("/", -1);
        if (parts.length != 3 || !parts[0].equals("portal") || !parts[2].equals(leaf) || parts[1].isEmpty()) {
            return null;
        }
        return parts[1];
    }

    /** The toy uid in game/toys/{uid}/update, or null. */
    public static String updatedToy(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length != 4 || !parts[0].equals("game") || !parts[1].equals("toys") || !parts[3].equals("update")) {
            return null;
        }
        return parts[2];
    }
}
