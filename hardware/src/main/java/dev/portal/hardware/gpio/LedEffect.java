package dev.portal.hardware.gpio;

import java.time.Duration;

/** How a pad LED shows its colour. */
public enum LedEffect {
    /** The colour, steadily. */
    SOLID(Duration.ZERO),
    /** On and off, 2 Hz: something needs attention (a tag that could not be read). */
    BLINK(Duration.ofMillis(250)),
    /** Fast 5 Hz blinking: an error on this pad (reader fault). */
    FAST_BLINK(Duration.ofMillis(100)),
    /** The colour for a moment, then back to what was shown before (a tag written). */
    FLASH(Duration.ofMillis(200));

    private final Duration period;

    LedEffect(Duration period) {
        this.period = period;
    }

    /** Half period of a blink, or the length of a flash. */
    public Duration period() {
        return period;
    }
}
