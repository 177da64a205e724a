package dev.portal.device.firmware;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** One portal's firmware on a temporary data directory, trusting {@link #fleet}'s key; each boot is a restart. */
abstract class FirmwareDeviceFixture {
    @TempDir
    Path dir;
    final KeyPair fleet = Ed25519Keys.generate();
    final LinkedBlockingQueue<String> restarts = new LinkedBlockingQueue<>();
    FirmwareHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    /** Ends the running incarnation, if any, and starts the next one as the launcher would. */
    FirmwareHost boot(Duration deadline, HealthCheck.Probe probe, WallClock clock) throws Exception {
        if (host != null) {
            host.close();
        }
        host = new FirmwareHost(dir, fleet.getPublic(), deadline, restarts, List.of(probe), clock);
        return host;
    }
}
