package dev.portal.device.firmware;

import dev.portal.link.DeviceId;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Status;
import dev.portal.testsupport.Await;
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

    /** This portal's id, as a downgrade permission must name it. */
    static final DeviceId ID = DeviceId.of("portal-7");

    FirmwareHost(Path dir, PublicKey key, Duration deadline, LinkedBlockingQueue<String> restarts,
                 List<HealthCheck.Probe> probes) throws IOException {
        this(dir, key, deadline, restarts, probes, WallClock.HOST);
    }

    FirmwareHost(Path dir, PublicKey key, Duration deadline, LinkedBlockingQueue<String> restarts,
                 List<HealthCheck.Probe> probes, WallClock clock) throws IOException {
        this.dir = dir;
        this.restarts = restarts;
        FirmwareSettings settings = new FirmwareSettings(dir, Optional.ofNullable(key), 1 << 20, deadline, "1.0.0",
                ID, clock);
        slots = new SlotStore(dir);
        BootGuard.chooseSlot(slots);
        service = FirmwareService.open(settings, restarts::add, outcomes::add);
        service.started(probes, Duration.ofMillis(50));
    }

    FirmwareUpdater.Reply handle(long id, FirmwareChunk c) {
        return service.handle(id, c);
    }

    /** Sends chunks as portalctl does (correlation ids from 100), until one is refused; returns the last answer. */
    CommandResult push(List<FirmwareChunk> chunks) {
        CommandResult last = null;
        long id = 100;
        for (FirmwareChunk c : chunks) {
            FirmwareUpdater.Reply r = handle(id++, c);
            last = r.result();
            if (last.status() != Status.OK) {
                return last;
            }
            service.afterSent(r);
        }
        return last;
    }

    /** The first outcome reported in this incarnation (committed or rolled back). */
    CommandResult awaitOutcome() {
        Await.until("an outcome to be reported", () -> !outcomes.isEmpty(), Duration.ofSeconds(5));
        return outcomes.get(0);
    }

    static HealthCheck.Probe probe(String name, boolean ok) {
        return new HealthCheck.Probe() {
            public String name() {
                return name;
            }

            public boolean healthy() {
                return ok;
            }
        };
    }

    @Override
    public void close() {
        service.close();
    }
}
