package dev.portal.device.config;

import dev.portal.device.firmware.FirmwareSettings;
import dev.portal.device.firmware.WallClock;
import dev.portal.link.DeviceId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code firmware} section: signed updates pushed by {@code portalctl firmware push}.
 *
 * @param directory      slots, staging and the slot pointer: {@code <dataDirectory>/firmware}; the launcher
 *                       (scripts/portal-device) reads the same folder to choose the jar it starts
 * @param publicKeyFile  the fleet's Ed25519 firmware key (PEM); absent: every update is refused
 * @param publicKey      that key, already parsed (so a damaged file is a config error, not a runtime surprise)
 * @param healthDeadline how long a freshly installed version has to prove healthy before it is rolled back
 * @param maxImageBytes  the largest image this portal accepts
 */
public record FirmwareConfig(Path directory, Optional<Path> publicKeyFile, Optional<PublicKey> publicKey,
                             Duration healthDeadline, long maxImageBytes) {

    /**
     * The settings of the firmware service, with the version of the jar the portal was installed with, the
     * portal's id and its clock (both for downgrade permissions).
     */
    public FirmwareSettings settings(String factoryVersion, DeviceId deviceId, WallClock clock) {
        return new FirmwareSettings(directory, publicKey, maxImageBytes, healthDeadline, factoryVersion, deviceId, clock);
    }

    public boolean updatesEnabled() {
        return publicKey.isPresent();
    }

    static FirmwareConfig parse(JsonFields f, Path base, Path dataDirectory) {
        f.rejectUnknown(Set.of("publicKeyFile", "healthDeadlineSeconds", "maxImageBytes"));
        Optional<Path> file = f.optText("publicKeyFile").map(base::resolve);
        Optional<PublicKey> key = f.ed25519KeyFile("publicKeyFile", base, "portalctl firmware keygen");
        Duration deadline = Duration.ofSeconds(f.integer("healthDeadlineSeconds",
                (int) FirmwareSettings.DEFAULT_HEALTH_DEADLINE.toSeconds(), 5, 3600));
        long max = f.number("maxImageBytes", FirmwareSettings.DEFAULT_MAX_IMAGE, 64L << 10, 1L << 30);
        Path dir = dataDirectory.resolve("firmware");
        if (file.isPresent() && !writable(dir)) {
            f.problems().add("firmware: " + dir + " cannot be written; set dataDirectory to the portal's writable"
                    + " folder (e.g. /var/lib/portal)");
        }
        return new FirmwareConfig(dir, file, key, deadline, max);
    }

    /** The folder, or the nearest one above it that exists (the service creates the rest), may be written. */
    private static boolean writable(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) && Files.isWritable(p);
            }
        }
        return false;
    }
}
