package dev.portal.device.config;

import dev.portal.device.mqtt.MqttSettings;
import dev.portal.device.outbox.OutboxSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The service's configuration as loaded from portal.json and checked by {@link ConfigLoader}.
 *
 * @param fleetKeyFile  the fleet secret that signs toy records (hex or raw bytes); without it every toy reads
 *                      as UNKNOWN and writes are refused
 * @param stateDirectory where calibration and the runtime configuration (desired/reported) are kept
 * @param maxToys       toys tracked at once across all pads (slots 0..maxToys-1)
 */
public record DeviceConfig(String deviceId, MqttSettings mqtt, OutboxSettings outbox, Optional<Path> fleetKeyFile,
                           Path stateDirectory, RuntimeSettings runtime, int maxToys, List<PadConfig> pads) {
    public Duration pollInterval() {
        return Duration.ofNanos(1_000_000_000L / runtime.pollHz());
    }
}
