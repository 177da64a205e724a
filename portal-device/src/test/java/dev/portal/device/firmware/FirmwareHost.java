package dev.portal.device.firmware;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The firmware part of a device, restartable in one JVM: a "restart" closes this incarnation and the test
 * starts the next one on the same data directory, as the launcher would start the jar the pointer names.
 */
final class FirmwareHost implements AutoCloseable {
    final Path dir;
    final SlotStore slots;
    final BootGuard guard;
    final FirmwareUpdater updater;
    final List<UpdateOutcome> outcomes = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<String> restarts;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    FirmwareHost(Path dir, PublicKey key, Duration deadline, LinkedBlockingQueue<String> restarts) throws IOException {
        this.dir = dir;
        this.restarts = restarts;
        FirmwareSettings settings = new FirmwareSettings(dir, Optional.ofNullable(key), 1 << 20, deadline, "1.0.0");
        slots = new SlotStore(dir);
        BootGuard.chooseSlot(slots);
        guard = new BootGuard(slots, deadline, restarts::add, timer, outcomes::add);
        updater = new FirmwareUpdater(settings, slots, new FirmwareReceiver(dir.resolve("staging")), guard, restarts::add);
        guard.onStart();
    }

    @Override
    public void close() {
        guard.close();
        timer.shutdownNow();
    }
}
