package dev.portal.device.firmware;

import dev.portal.protocol.frame.CommandResult;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The firmware part of a device, restartable in one JVM: a "restart" closes this incarnation and the test
 * starts the next one on the same data directory, as the launcher would start the jar the pointer names.
 */
final class FirmwareHost implements AutoCloseable {
    final Path dir;
    final SlotStore slots;
    final FirmwareService service;
    final List<CommandResult> outcomes = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<String> restarts;

    FirmwareHost(Path dir, PublicKey key, Duration deadline, LinkedBlockingQueue<String> restarts,
                 List<HealthCheck.Probe> probes) throws IOException {
        this.dir = dir;
        this.restarts = restarts;
        FirmwareSettings settings = new FirmwareSettings(dir, Optional.ofNullable(key), 1 << 20, deadline, "1.0.0");
        slots = new SlotStore(dir);
        BootGuard.chooseSlot(slots);
        service = FirmwareService.open(settings, restarts::add, outcomes::add);
        service.started(probes, Duration.ofMillis(50));
    }

    FirmwareUpdater.Reply handle(long id, dev.portal.protocol.frame.FirmwareChunk c) {
        return service.handle(id, c);
    }

    @Override
    public void close() {
        service.close();
    }
}
