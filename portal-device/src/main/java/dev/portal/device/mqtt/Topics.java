package dev.portal.device.mqtt;

/** The portal's topics, all under {@code portal/{deviceId}/}; see portal-device/TOPICS.md. */
public record Topics(String deviceId) {
    public Topics {
        if (deviceId.isEmpty() || deviceId.contains("/") || deviceId.contains("+") || deviceId.contains("#")) {
            throw new IllegalArgumentException("device id must be non-empty without / + #: " + deviceId);
        }
    }

    /** Binary frames from the portal (QoS 1). */
    public String events() {
        return "portal/" + deviceId + "/evt";
    }

    /** Binary Command frames to the portal (QoS 1). */
    public String commands() {
        return "portal/" + deviceId + "/cmd";
    }

    /** Retained UTF-8 JSON: {"state":"online"|"offline","bootId":"xxxxxxxx"}. */
    public String status() {
        return "portal/" + deviceId + "/status";
    }
}
