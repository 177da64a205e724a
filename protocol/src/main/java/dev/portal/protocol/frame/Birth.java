package dev.portal.protocol.frame;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * First frame of every boot (and the answer to Rebirth): who the device is and what it has. It binds the
 * device id to the header's boot id; the bridge accepts a boot's frames on topic {@code portal/{id}/...}
 * only when that boot announced {@code {id}} in a Birth.
 *
 * @param deviceId        1..64 characters of [A-Za-z0-9._-] (it becomes an MQTT topic level)
 * @param firmwareVersion at most 255 UTF-8 bytes
 * @param capabilities    what the device can do
 * @param pads            its pads, at most {@link Limits#MAX_PADS}, indexes unique
 * @param calibration     calibration in force
 * @param configVersion   u32 version of the configuration in force (see ConfigSet)
 */
public record Birth(String deviceId, String firmwareVersion, Set<Capability> capabilities, List<PadInfo> pads,
                    Calibration calibration, long configVersion) implements Message {
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1," + Limits.MAX_DEVICE_ID + "}");

    public Birth {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("device id must be 1..64 of [A-Za-z0-9._-], not " + deviceId);
        }
        Check.text("firmwareVersion", firmwareVersion, Limits.MAX_SHORT_TEXT);
        Check.present("capabilities", capabilities);
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        pads = List.copyOf(Check.present("pads", pads));
        if (pads.size() > Limits.MAX_PADS) {
            throw new IllegalArgumentException("at most " + Limits.MAX_PADS + " pads, not " + pads.size());
        }
        Set<Integer> seen = new HashSet<>();
        for (PadInfo p : pads) {
            if (!seen.add(p.pad())) {
                throw new IllegalArgumentException("pad " + p.pad() + " announced twice");
            }
        }
        Check.present("calibration", calibration);
        Check.u32("configVersion", configVersion);
    }

    public static boolean isValidDeviceId(String id) {
        return id != null && DEVICE_ID.matcher(id).matches();
    }
}
