package dev.portal.device.config;

import dev.portal.device.mqtt.MqttSettings;
import dev.portal.device.outbox.OutboxSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The service's configuration as loaded from portal.json and checked by {@link ConfigLoader}. It names no toy key:
 * since protocol 1.1 the host judges and signs toy records, and a portal only moves their bytes.
 *
 * @param stateDirectory where calibration and the runtime configuration (desired/reported) are kept
 * @param maxToys       toys tracked at once across all pads (slots 0..maxToys-1)
 * @param dataDirectory the portal's writable folder: firmware slots, and the default place of state and outbox
 * @param firmware      signed firmware updates
 * @param serial        the technician's serial console, when a port is configured
 */
public record DeviceConfig(String deviceId, MqttSettings mqtt, OutboxSettings outbox, Path stateDirectory,
                           RuntimeSettings runtime, int maxToys, List<PadConfig> pads,
                           Path dataDirectory, FirmwareConfig firmware, Optional<SerialConfig> serial) {
    /** The same configuration with the serial console on {@code port} (the simulator's --serial option). */
    public DeviceConfig withSerial(SerialConfig console) {
        return new DeviceConfig(deviceId, mqtt, outbox, stateDirectory, runtime, maxToys, pads,
                dataDirectory, firmware, Optional.of(console));
    }

    public Duration pollInterval() {
        return runtime.pollInterval();
    }
}
