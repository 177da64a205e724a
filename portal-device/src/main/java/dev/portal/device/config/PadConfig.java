package dev.portal.device.config;

import java.util.Optional;

/** One pad: the reader chip behind it and how it is wired, and its RGB LED (three BCM pins), if it has one. */
public record PadConfig(int pad, ReaderWiring reader, Optional<LedPins> led) {

    /** BCM pins of an RGB LED's channels; {@code activeLow} for common-anode LEDs. */
    public record LedPins(int red, int green, int blue, boolean activeLow) {
    }
}
