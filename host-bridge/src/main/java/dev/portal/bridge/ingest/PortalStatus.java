package dev.portal.bridge.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.link.DeviceId;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * One portal/{id}/status message, exactly as portal-device writes it (portal-device/TOPICS.md, StatusMessage):
 * {@code {"state":"online"|"offline","deviceId":"<the topic's id>","bootId":"<8 hex digits>"}}, one JSON
 * document with nothing after it; other fields are ignored (a later device may add some). A status without a
 * boot id cannot be told from a stale one, so it is malformed rather than believed.
 */
record PortalStatus(boolean online, long bootId) {
    private static final Pattern BOOT_ID = Pattern.compile("[0-9A-Fa-f]{8}");

    /** Why a status is not one. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    static PortalStatus parse(byte[] payload, DeviceId topicDevice) throws Malformed {
        JsonNode root;
        try {
            root = GameJson.readStrict(payload);
        } catch (IOException e) {
            throw new Malformed("not one JSON document");
        }
        if (!root.isObject()) {
            throw new Malformed("not a JSON object");
        }
        String state = root.path("state").isTextual() ? root.get("state").asText() : "";
        if (!state.equals("online") && !state.equals("offline")) {
            throw new Malformed("state must be \"online\" or \"offline\"");
        }
        if (!root.path("deviceId").isTextual() || !root.get("deviceId").asText().equals(topicDevice.value())) {
            throw new Malformed("deviceId must be the topic's, " + topicDevice);
        }
        JsonNode boot = root.path("bootId");
        if (!boot.isTextual() || !BOOT_ID.matcher(boot.asText()).matches()) {
            throw new Malformed("bootId must be a string of 8 hex digits");
        }
        return new PortalStatus(state.equals("online"), Long.parseLong(boot.asText(), 16));
    }
}
