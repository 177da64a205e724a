package dev.portal.portalctl.inspect;

import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code status} shows: the device's Birth (firmware, capabilities, pads, calibration, config version) and
 * its health from the latest heartbeat — taken live, or from the bridge's retained portal document.
 */
public record StatusReport(Birth birth, Optional<Map<String, Object>> health, String healthSource) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deviceId", birth.deviceId());
        m.put("firmware", birth.firmwareVersion());
        m.put("capabilities", birth.capabilities().stream().map(Capability::name).sorted().toList());
        m.put("pads", birth.pads().stream().map(p -> Map.of("pad", p.pad(), "slots", p.slots(), "reader", p.reader())).toList());
        m.put("calibration", birth.calibration().pads().stream().map(c -> Map.of("pad", c.pad(), "antennaGainDb",
                c.antennaGainDb(), "removalMissThreshold", c.removalMissThreshold())).toList());
        m.put("configVersion", birth.configVersion());
        m.put("health", health.orElse(null));
        m.put("healthSource", healthSource);
        return m;
    }

    public List<String> toText() {
        List<String> out = new java.util.ArrayList<>();
        out.add("Device        " + birth.deviceId());
        out.add("Firmware      " + birth.firmwareVersion());
        out.add("Capabilities  " + String.join(", ", birth.capabilities().stream().map(Capability::name).sorted().toList()));
        out.add("Config        version " + birth.configVersion());
        out.add("Pads          pad  slots  reader                 gain  removal-after");
        Map<Integer, PadCalibration> cal = new TreeMap<>();
        birth.calibration().pads().forEach(c -> cal.put(c.pad(), c));
        for (PadInfo p : birth.pads()) {
            PadCalibration c = cal.get(p.pad());
            out.add(String.format("              %3d  %5d  %-22s %s", p.pad(), p.slots(), p.reader(),
                    c == null ? "  not calibrated" : String.format("%2d dB  %d misses", c.antennaGainDb(), c.removalMissThreshold())));
        }
        if (health.isEmpty()) {
            out.add("Health        no heartbeat seen (" + healthSource + ")");
        } else {
            out.add("Health        (" + healthSource + ")");
            health.get().forEach((k, v) -> out.add(String.format("              %-18s %s", k, v)));
        }
        return out;
    }
}
