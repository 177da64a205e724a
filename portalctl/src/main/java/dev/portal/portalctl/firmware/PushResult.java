package dev.portal.portalctl.firmware;

import java.util.LinkedHashMap;
import java.util.Map;

/** How the update of one portal ended. */
public record PushResult(String deviceId, Outcome outcome, String detail) {
    public enum Outcome {
        /** New version runs and passed its health check. */
        COMMITTED,
        /** The device refused the image (signature, version, size, hash) before installing it. */
        REFUSED,
        /** Installed, but the health check failed: the device went back to its previous version. */
        ROLLED_BACK,
        /** Transfer or install failed on the device. */
        FAILED,
        /** The device stopped answering. */
        UNREACHABLE,
        /** Not tried: the rollout was aborted before this device's batch. */
        SKIPPED
    }

    public boolean ok() {
        return outcome == Outcome.COMMITTED;
    }

    public String text() {
        return deviceId + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " - " + detail;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deviceId", deviceId);
        m.put("outcome", outcome.name());
        m.put("detail", detail);
        return m;
    }
}
