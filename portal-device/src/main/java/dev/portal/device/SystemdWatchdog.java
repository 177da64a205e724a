package dev.portal.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tells systemd the service is ready and alive, through {@code systemd-notify} (the unit sets
 * {@code NotifyAccess=all} because the message comes from that child process; {@code --pid} names the service's own process). A keep-alive is sent only while
 * the pads are still polling, so a service whose poll threads are stuck is restarted by systemd's WatchdogSec.
 * Does nothing when not started by systemd (no NOTIFY_SOCKET).
 */
final class SystemdWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdWatchdog.class);

    private final boolean enabled = System.getenv("NOTIFY_SOCKET") != null;
    private final long intervalMillis;

    SystemdWatchdog() {
        long usec = 0;
        try {
            usec = Long.parseLong(System.getenv().getOrDefault("WATCHDOG_USEC", "0"));
        } catch (NumberFormatException ignored) {
            // no watchdog configured
        }
        intervalMillis = usec > 0 ? Math.max(500, usec / 2000) : 0;
    }

    void ready() {
        notify("READY=1");
    }

    /** Blocks, sending WATCHDOG=1 at half the watchdog period while {@code polls} keeps increasing. */
    void keepAliveWhile(LongSupplier polls) throws InterruptedException {
        long last = -1;
        while (true) {
            Thread.sleep(intervalMillis > 0 ? intervalMillis : 10_000);
            long now = polls.getAsLong();
            if (intervalMillis > 0 && now != last) {
                notify("WATCHDOG=1");
            } else if (intervalMillis > 0) {
                LOG.error("no poll completed in {} ms: withholding the watchdog keep-alive", intervalMillis);
            }
            last = now;
        }
    }

    private void notify(String message) {
        if (!enabled) {
            return;
        }
        try {
            Process p = new ProcessBuilder("systemd-notify", "--pid=" + ProcessHandle.current().pid(), message).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("systemd-notify {}: {}", message, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
