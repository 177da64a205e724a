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
 * <p>Retention: a segment whose records the broker has all acknowledged is not deleted at once. The newest such
 * segments are kept while together they fit {@code keepDeliveredBytes} (default two segments), so the portal can
 * publish again frames a broker acknowledged but delivered to no host (the {@code resend_frames} command).
 * After a restart the ack pointer still tells them apart: kept segments are not published again on start.
 *
 * <p>Full policy: when a new record would take the journal past {@code maxBytes}, the oldest segment is dropped.
 * Kept delivered segments are the oldest, so they go first and cost nothing but resends
 * ({@link OutboxStats#evictedDelivered()}); after them undelivered records go, counted as lost
 * ({@link OutboxStats#droppedRecords()}). The newest events (what lies on the pads now) matter more to a game
 * than the oldest.
 */
public record OutboxSettings(Path directory, int segmentBytes, long maxBytes, Duration syncInterval, int syncBatch,
                             Duration ackPersistInterval, long keepDeliveredBytes) {
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
        if (keepDeliveredBytes < 0 || keepDeliveredBytes > maxBytes / 2) {
            throw new IllegalArgumentException("keepDeliveredBytes must be 0.." + maxBytes / 2
                    + " (half of maxBytes: the rest is for frames not yet delivered), not " + keepDeliveredBytes);
        }
    }

    /** With the default retention: two segments of delivered frames. */
    public OutboxSettings(Path directory, int segmentBytes, long maxBytes, Duration syncInterval, int syncBatch,
                          Duration ackPersistInterval) {
        this(directory, segmentBytes, maxBytes, syncInterval, syncBatch, ackPersistInterval, 2L * segmentBytes);
    }

    public static OutboxSettings defaults(Path directory) {
        return new OutboxSettings(directory, 1 << 20, 64L << 20, Duration.ofMillis(50), 64, Duration.ofMillis(100));
    }
}
