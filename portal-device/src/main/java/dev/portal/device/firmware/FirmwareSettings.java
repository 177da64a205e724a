package dev.portal.device.firmware;

import dev.portal.link.DeviceId;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Firmware update settings from the device configuration.
 *
 * @param firmwareDir     where slots, staging and the pointer live (the device's data dir + "/firmware")
 * @param publicKey       the fleet's firmware signing key (config {@code firmware.public-key}, PEM); without it
 *                        every update is refused
 * @param maxImageBytes   largest image the device accepts (bounds the staging file)
 * @param healthDeadline  how long a new version has, from its start, to report healthy before it is rolled back
 * @param factoryVersion  version of the jar the device was installed with (runs when no slot is current)
 * @param deviceId        this portal's id: a downgrade permission must name it
 * @param clock           the time a downgrade permission's expiry is held against, and whether it is synchronised
 */
public record FirmwareSettings(Path firmwareDir, Optional<PublicKey> publicKey, long maxImageBytes,
                               Duration healthDeadline, String factoryVersion, DeviceId deviceId, WallClock clock) {
    public static final long DEFAULT_MAX_IMAGE = 64L << 20;
    public static final Duration DEFAULT_HEALTH_DEADLINE = Duration.ofSeconds(60);

    public FirmwareSettings {
        if (maxImageBytes < 1 || healthDeadline.isNegative() || healthDeadline.isZero()) {
            throw new IllegalArgumentException("max image size and health deadline must be positive");
        }
        if (!FirmwareVersion.isValid(factoryVersion)) {
            throw new IllegalArgumentException("factory version is not a firmware version: " + factoryVersion);
        }
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(clock, "clock");
    }

    public static FirmwareSettings defaults(Path dataDir, Optional<PublicKey> key, String factoryVersion,
                                            DeviceId deviceId, WallClock clock) {
        return new FirmwareSettings(dataDir.resolve("firmware"), key, DEFAULT_MAX_IMAGE, DEFAULT_HEALTH_DEADLINE,
                factoryVersion, deviceId, clock);
    }
}
