package dev.portal.device.firmware;

import dev.portal.device.firmware.FirmwareException.Reason;
import dev.portal.link.DeviceId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A manifest's permission to replace a newer version, bound to the portals it names and to a time after which
 * it is void, both covered by the manifest's signature: a downgrade manifest that leaks (it travels in clear
 * over MQTT) cannot be replayed on other portals, nor later on the same one.
 *
 * @param devices  the portals that may install it (at least one, each once)
 * @param notAfter the last instant, by the portal's clock, at which it may be installed
 */
public record DowngradeGrant(List<DeviceId> devices, Instant notAfter) {
    static final String DEVICES = "downgrade-devices";
    static final String NOT_AFTER = "downgrade-not-after";

    public DowngradeGrant {
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("a downgrade permission names at least one device");
        }
        if (new LinkedHashSet<>(devices).size() != devices.size()) {
            throw new IllegalArgumentException("a downgrade permission names each device once");
        }
        if (notAfter == null) {
            throw new IllegalArgumentException("a downgrade permission needs a not-after time");
        }
    }

    /** May {@code self} install it at {@code clock}'s time? Else says why not. */
    void check(DeviceId self, WallClock clock) throws FirmwareException {
        if (!devices.contains(self)) {
            throw new FirmwareException(Reason.DOWNGRADE, "the downgrade permission is for " + names()
                    + ", not this portal (" + self + ")");
        }
        // A Pi has no battery-backed clock: until NTP sets it, it may be days behind and would take an expired
        // permission for a valid one. Refusing until the clock is synchronised is the safe way round.
        if (!clock.synced()) {
            throw new FirmwareException(Reason.DOWNGRADE, "this portal's clock is not synchronised yet, so the"
                    + " downgrade permission's expiry (" + notAfter + ") cannot be checked; try again once it is (NTP)");
        }
        Instant now = clock.now();
        if (now.isAfter(notAfter)) {
            throw new FirmwareException(Reason.DOWNGRADE, "the downgrade permission expired at " + notAfter
                    + " (portal clock: " + now + ")");
        }
    }

    /** The manifest lines, in the order the signature covers them. */
    String lines() {
        return DEVICES + "=" + names() + "\n" + NOT_AFTER + "=" + notAfter + "\n";
    }

    /** Reads the permission from manifest fields whose {@code allow-downgrade} is true. */
    static DowngradeGrant parse(Map<String, String> fields) throws FirmwareException {
        String ids = fields.get(DEVICES);
        String until = fields.get(NOT_AFTER);
        if (ids == null || until == null) {
            throw new FirmwareException(Reason.DOWNGRADE, "the manifest allows a downgrade but names no devices"
                    + " and expiry (" + DEVICES + ", " + NOT_AFTER + "); sign it again with --devices and --expires");
        }
        List<DeviceId> devices = new ArrayList<>();
        for (String id : ids.split(",", -1)) {
            devices.add(DeviceId.parse(id).orElseThrow(() -> new FirmwareException(Reason.BAD_MANIFEST,
                    "'" + id + "' in " + DEVICES + " is not a device id")));
        }
        try {
            return new DowngradeGrant(devices, Instant.parse(until));
        } catch (DateTimeParseException e) {
            throw new FirmwareException(Reason.BAD_MANIFEST, NOT_AFTER + " is not an ISO-8601 instant: " + until);
        } catch (IllegalArgumentException e) {
            throw new FirmwareException(Reason.BAD_MANIFEST, e.getMessage());
        }
    }

    private String names() {
        return devices.stream().map(DeviceId::value).collect(Collectors.joining(","));
    }
}
