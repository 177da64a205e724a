package dev.portal.device.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * The retained status payload. It carries the boot id so a late "offline" will from an earlier session (the
 * broker may fire it after the new session said "online") can be recognised as stale by anyone who compares it
 * with the boot id of the latest Birth.
 */
public final class StatusMessage {
    private StatusMessage() {
    }

    public static byte[] online(String deviceId, long bootId) {
        return json("online", deviceId, bootId);
    }

    public static byte[] offline(String deviceId, long bootId) {
        return json("offline", deviceId, bootId);
    }

    private static byte[] json(String state, String deviceId, long bootId) {
        return String.format("{\"state\":\"%s\",\"deviceId\":\"%s\",\"bootId\":\"%08x\"}", state, deviceId, bootId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
