package dev.portal.portalctl.firmware;

import dev.portal.device.firmware.DowngradeGrant;
import dev.portal.device.firmware.SecurityFloor;
import dev.portal.link.DeviceId;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.cli.PortalctlException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * What a pushed manifest promises beyond the image itself, all signed into it: its security version, and a
 * downgrade permission bound to the portals it is for and an expiry (a portal refuses a permission that does
 * not name it or has run out).
 */
public final class ManifestTermsOptions {
    @Option(names = "--security-version", defaultValue = "0", paramLabel = "N",
            description = "Security version signed into the manifest, 0..4294967295 (default ${DEFAULT-VALUE}): a portal"
                    + " refuses any image below the highest it has committed, even with --allow-downgrade. Raise it"
                    + " with a security fix.")
    long securityVersion;

    @Option(names = "--allow-downgrade",
            description = "Let portals install a version not newer than theirs; needs --devices and --expires.")
    boolean allowDowngrade;

    @Option(names = "--devices", split = ",", paramLabel = "ID[,ID...]",
            description = "With --allow-downgrade: the portals the permission is for (signed); every pushed device must be one.")
    List<String> devices = new ArrayList<>();

    @Option(names = "--expires", paramLabel = "WHEN",
            description = "With --allow-downgrade: when the permission ends, by the portal's clock: a duration from now"
                    + " (30m, 2h) or an ISO-8601 instant (2030-01-31T18:00:00Z) (signed).")
    String expires;

    long securityVersion() {
        if (securityVersion < 0 || securityVersion > SecurityFloor.MAX) {
            throw PortalctlException.usage("--security-version must be 0.." + SecurityFloor.MAX);
        }
        return securityVersion;
    }

    /** The permission to sign for a push to {@code pushedTo} at {@code now}, or none. */
    Optional<DowngradeGrant> downgrade(List<String> pushedTo, Instant now) {
        if (!allowDowngrade) {
            if (!devices.isEmpty() || expires != null) {
                throw PortalctlException.usage("--devices and --expires belong to --allow-downgrade");
            }
            return Optional.empty();
        }
        if (devices.isEmpty() || expires == null) {
            throw PortalctlException.usage("--allow-downgrade needs --devices (the portals it is for) and --expires"
                    + " (when it ends): a portal refuses a downgrade permission without them");
        }
        List<DeviceId> ids = new ArrayList<>();
        for (String d : devices) {
            ids.add(DeviceId.parse(d).orElseThrow(() -> PortalctlException.usage("--devices: not a device id: " + d)));
        }
        for (String d : pushedTo) {
            if (!devices.contains(d)) {
                throw PortalctlException.usage(d + " is pushed to but not in --devices: it would refuse the downgrade");
            }
        }
        Instant notAfter = notAfter(now);
        if (!notAfter.isAfter(now)) {
            throw PortalctlException.usage("--expires " + expires + " is already past (" + notAfter + ")");
        }
        try {
            return Optional.of(new DowngradeGrant(ids, notAfter));
        } catch (IllegalArgumentException e) {
            throw PortalctlException.usage("--devices: " + e.getMessage());
        }
    }

    private Instant notAfter(Instant now) {
        try {
            return Instant.parse(expires);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return now.plus(new DurationConverter().convert(expires));
            } catch (TypeConversionException notADuration) {
                throw PortalctlException.usage("--expires: neither a duration (30m, 2h) nor an ISO-8601 instant"
                        + " (2030-01-31T18:00:00Z): " + expires);
            }
        }
    }
}
