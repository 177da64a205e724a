package dev.portal.device.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portal.device.health.HealthStats;
import dev.portal.device.health.HeartbeatTask;
import dev.portal.device.mqtt.DeliveryStats;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.outbox.OutboxRecord;
import dev.portal.device.outbox.OutboxSettings;
import dev.portal.device.testing.PowerCutDisk;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.id.Uid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk loses frames; the host must be able to tell (a gap in the sequence) and the Heartbeat count them. */
class FullDiskTest {
    @TempDir
    Path dir;

    private OutboxSettings settings() {
        return new OutboxSettings(dir, 4096, 4 * 4096, Duration.ofMillis(5), 8, Duration.ofMillis(1));
    }

    private static TagRemoved removed(int pad) {
        return new TagRemoved(pad, 0, Uid.parse("04AABBCCDDEEFF"), 1000);
    }

    @Test
    void framesLostToAFullDiskLeaveAGapInTheSequenceAndAreCounted() throws Exception {
        PowerCutDisk disk = new PowerCutDisk();
        try (Outbox outbox = Outbox.open(settings(), disk)) {
            FrameEmitter emitter = new FrameEmitter(outbox, new BootClock(true), 0x0B00);
            emitter.emit(removed(0));
            disk.fillUp();
            emitter.emit(removed(1));
            emitter.emit(removed(2));
            disk.freeSpace();
            emitter.emit(removed(3));

            outbox.awaitDurable(outbox.nextIndex() - 1, 2000);
            List<Long> sequences = new ArrayList<>();
            for (OutboxRecord r : outbox.readDurable(0, 10)) {
                sequences.add(FrameCodec.decode(r.payload()).header().sequence());
            }
            assertEquals(List.of(0L, 3L), sequences, "the host sees 1 and 2 missing and asks for a Birth");

            HeartbeatTask heartbeat = new HeartbeatTask(m -> { }, new HealthStats(), outbox::stats,
                    () -> new DeliveryStats(true, 1, 0, 0, 0, 0, 0, 0), () -> 1000, () -> 0);
            assertEquals(2, heartbeat.counters().outboxDropped(), "the Heartbeat counts the lost frames");
        }
        try (Outbox reopened = Outbox.open(settings())) {
            List<OutboxRecord> kept = reopened.readDurable(0, 10);
            assertEquals(2, kept.size());
            assertEquals(0, reopened.stats().tornRecords(), "the half-written records were taken back");
        }
    }
}
