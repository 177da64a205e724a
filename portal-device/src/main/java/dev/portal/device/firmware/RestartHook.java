package dev.portal.device.firmware;

/**
 * Restarts the device service so the launcher starts the jar the slot pointer names. In the service it ends
 * the process with {@link #EXIT_CODE}, which scripts/portal-device takes as "start me again"; tests plug in a
 * hook that starts a fresh device in the same JVM.
 */
@FunctionalInterface
public interface RestartHook {
    /** Exit status that asks the launcher for an immediate restart into the current slot. */
    int EXIT_CODE = 75;

    void restart(String reason);
}
