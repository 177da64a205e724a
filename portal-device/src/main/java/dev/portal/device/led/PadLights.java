package dev.portal.device.led;

import dev.portal.protocol.frame.LedMode;

/**
 * The pads' LEDs. The service signals states ({@link #signal}); the host may override a pad's colour for a
 * while ({@link #set}, from a SetLed command). Implementations never throw: a broken LED must not stop a pad.
 */
public interface PadLights extends AutoCloseable {
    void signal(int pad, LedSignal signal);

    /** Shows {@code rgb} in {@code mode}; after {@code durationMillis} (0: until changed) the pad's state returns. */
    void set(int pad, int rgb, LedMode mode, long durationMillis);

    /** What the pad shows now, for the console and tests. */
    String describe(int pad);

    @Override
    default void close() {
    }
}
