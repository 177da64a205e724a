package dev.portal.device.config;

import java.util.Optional;
import java.util.Set;

/**
 * The optional {@code serial} section: the technician's console on a serial line ({@code portalctl serial PORT}).
 * It takes the same commands as the broker and mirrors every frame the portal sends.
 *
 * @param port a device path such as {@code /dev/ttyAMA0} or {@code /dev/ttyUSB0}
 * @param baud one of the standard rates
 */
public record SerialConfig(String port, int baud) {
    public static final int DEFAULT_BAUD = 115_200;
    static final Set<Integer> RATES = Set.of(9_600, 19_200, 38_400, 57_600, 115_200, 230_400, 460_800, 921_600);

    static Optional<SerialConfig> parse(JsonFields f) {
        f.rejectUnknown(Set.of("port", "baud"));
        Optional<String> port = f.optText("port");
        int baud = f.integer("baud", DEFAULT_BAUD, 1, 4_000_000);
        if (!RATES.contains(baud)) {
            f.problems().add("serial.baud must be one of " + RATES.stream().sorted().toList() + ", not " + baud);
        }
        if (port.isPresent() && port.get().isBlank()) {
            f.problems().add("serial.port must name a device such as /dev/ttyUSB0");
            return Optional.empty();
        }
        if (port.isEmpty() && f.raw("baud") != null) {
            f.problems().add("serial.baud needs serial.port");
        }
        return port.map(p -> new SerialConfig(p, baud));
    }
}
