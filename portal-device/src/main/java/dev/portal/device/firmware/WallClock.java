package dev.portal.device.firmware;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The portal's wall clock as a time-limited permission ({@link DowngradeGrant}) sees it: the time, and whether
 * that time can be trusted. A Pi has no battery-backed clock and starts with a stale time until NTP sets it.
 */
public interface WallClock {
    /** The host's clock, trusted as it is: simulation and tests. */
    WallClock HOST = system(() -> true);

    Instant now();

    /** False while the clock has not been synchronised (no NTP yet): its time may be far behind. */
    boolean synced();

    /** The system clock, trusted once {@code synced} says so (the device: BootClock's timesync flag). */
    static WallClock system(BooleanSupplier synced) {
        return new WallClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public boolean synced() {
                return synced.getAsBoolean();
            }
        };
    }
}
