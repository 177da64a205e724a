package dev.portal.device.outbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the outbox keeps its journal.
 *
 * <p>Sync policy: an appended record is written to the OS at once and forced to the medium (fsync) by a
 * background thread as soon as possible, but at most once per {@code syncInterval} unless {@code syncBatch}
 * records are waiting. A record is published only once it is durable. A process crash (kill -9) costs nothing:
 * the OS already holds every appended record. A power cut can cost the records appended in the last
 * {@code syncInterval} (or the last {@code syncBatch} records), none of which has been published yet, so the
 * host sees a sequence gap rather than a frame that vanished after delivery.
 *
 * <p>Full policy: when a new record would take the journal past {@code maxBytes}, the oldest segment is dropped,
 * delivered or not, and the dropped records are counted ({@link OutboxStats#droppedRecords()}). The newest
 * events (what lies on the pads now) matter more to a game than the oldest.
 */
public record OutboxSettings(Path directory, int segmentBytes, long maxBytes, Duration syncInterval, int syncBatch,
                             Duration ackPersistInterval) {
    public static final int MAX_RECORD_BYTES = 64 * 1024;

    public OutboxSettings {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096, not " + segmentBytes);
        }
        if (maxBytes < 4L * segmentBytes) {
            throw new IllegalArgumentException("maxBytes must be at least 4 segments (" + 4L * segmentBytes + ")");
        }
        if (syncInterval.isNegative() || syncBatch < 1 || ackPersistInterval.isNegative()) {
            throw new IllegalArgumentException("sync interval, batch and ack interval must be positive");
        }
    }

    public static OutboxSettings defaults(Path directory) {
        return new OutboxSettings(directory, 1 << 20, 64L << 20, Duration.ofMillis(50), 64, Duration.ofMillis(100));
    }
}
