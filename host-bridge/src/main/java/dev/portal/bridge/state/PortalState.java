package dev.portal.bridge.state;

import java.util.List;
import java.util.Map;

/**
 * What the bridge knows about one portal. Pads, calibration and health are kept as the plain trees the
 * protocol's FrameTree gives, so new fields from newer firmware pass through without a schema change.
 */
public record PortalState(String deviceId, boolean online, Long bootId, String firmware, List<String> capabilities,
                          List<Map<String, Object>> pads, Map<String, Object> calibration, Long configVersion,
                          Map<String, Object> health, long lastSeenMillis) {

    public PortalState {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        pads = pads == null ? List.of() : List.copyOf(pads);
        calibration = calibration == null ? Map.of() : Map.copyOf(calibration);
        health = health == null ? Map.of() : Map.copyOf(health);
    }

    public static PortalState unknown(String deviceId, long nowMillis) {
        return new PortalState(deviceId, false, null, null, List.of(), List.of(), Map.of(), null, Map.of(), nowMillis);
    }

    public PortalState withOnline(boolean isOnline, long atMillis) {
        return new PortalState(deviceId, isOnline, bootId, firmware, capabilities, pads, calibration, configVersion,
                health, atMillis);
    }

    public PortalState withHealth(Map<String, Object> counters, long atMillis) {
        return new PortalState(deviceId, true, bootId, firmware, capabilities, pads, calibration, configVersion,
                counters, atMillis);
    }
}
