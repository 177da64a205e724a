package dev.portal.device.frame;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Frame timestamps. A Pi has no battery-backed clock: until systemd-timesyncd (or chrony) says the clock is
 * synchronised, frames carry milliseconds since the service started and say so ({@code clockSynced=false}).
 */
public final class BootClock {
    private static final Path TIMESYNC_FLAG = Path.of("/run/systemd/timesync/synchronized");

    private final long startNanos = System.nanoTime();
    private final boolean assumeSynced;
    private volatile boolean synced;
    private volatile long lastCheckNanos = Long.MIN_VALUE / 2;

    /** @param assumeSynced true in simulate mode and tests, where the host's clock is trusted */
    public BootClock(boolean assumeSynced) {
        this.assumeSynced = assumeSynced;
    }

    public boolean synced() {
        if (assumeSynced) {
            return true;
        }
        long now = System.nanoTime();
        if (!synced && now - lastCheckNanos > 5_000_000_000L) { // once synced, it stays so
            lastCheckNanos = now;
            synced = Files.exists(TIMESYNC_FLAG);
        }
        return synced;
    }

    public long millisSinceStart() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public long stamp(boolean clockSynced) {
        return clockSynced ? System.currentTimeMillis() : millisSinceStart();
    }
}
