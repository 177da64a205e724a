package dev.portal.hardware.reader;

import java.time.Duration;

/**
 * Limits for reader calls. {@code command} bounds one exchange with a tag (the chip's own timer where it has
 * one); {@code bus} bounds one exchange with the chip itself; {@code reset} bounds a reset and re-initialisation.
 */
public record ReaderTimeouts(Duration command, Duration bus, Duration reset) {
    public static final ReaderTimeouts DEFAULT =
            new ReaderTimeouts(Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(500));

    public ReaderTimeouts {
        if (command.isNegative() || command.isZero() || bus.isNegative() || bus.isZero()
                || reset.isNegative() || reset.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
