package dev.portal.device.config;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.Set;

/**
 * The optional {@code serial} section: the technician's console on a serial line ({@code portalctl serial PORT}).
 * It mirrors every frame the portal sends and takes the same commands as the broker, but only reads (Rebirth)
 * unless a technician token signed with {@code technicianKey} was presented (dev.portal.device.serial.CableGuard).
 *
 * @param port          a device path such as {@code /dev/ttyAMA0} or {@code /dev/ttyUSB0}
 * @param baud          one of the standard rates
 * @param technicianKey the public technician key ({@code serial.technicianPublicKeyFile}); none: read-only
 */
public record SerialConfig(String port, int baud, Optional<PublicKey> technicianKey) {
    public static final int DEFAULT_BAUD = 115_200;
    static final Set<Integer> RATES = Set.of(9_600, 19_200, 38_400, 57_600, 115_200, 230_400, 460_800, 921_600);

    /** A read-only console. */
    public SerialConfig(String port, int baud) {
        this(port, baud, Optional.empty());
    }

    static Optional<SerialConfig> parse(JsonFields f, Path base) {
        f.rejectUnknown(Set.of("port", "baud", "technicianPublicKeyFile"));
        Optional<String> port = f.optText("port");
        int baud = f.integer("baud", DEFAULT_BAUD, 1, 4_000_000);
        if (!RATES.contains(baud)) {
            f.problems().add("serial.baud must be one of " + RATES.stream().sorted().toList() + ", not " + baud);
        }
        Optional<PublicKey> key = f.ed25519KeyFile("technicianPublicKeyFile", base, "portalctl token keygen");
        if (port.isPresent() && port.get().isBlank()) {
            f.problems().add("serial.port must name a device such as /dev/ttyUSB0");
            return Optional.empty();
        }
        if (port.isEmpty() && f.raw("baud") != null) {
            f.problems().add("serial.baud needs serial.port");
        }
        if (port.isEmpty() && f.raw("technicianPublicKeyFile") != null) {
            f.problems().add("serial.technicianPublicKeyFile needs serial.port");
        }
        return port.map(p -> new SerialConfig(p, baud, key));
    }
}
