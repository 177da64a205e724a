package dev.portal.device.outbox;

import dev.portal.device.disk.Disk;
import dev.portal.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delivered segments kept for resend requests: the budget, the full policy, reopening. */
class OutboxRetentionTest {
    /** 100 bytes, so a record takes 116 in the journal and 35 fill a 4096-byte segment. */
    private static final int PAYLOAD = 100;
    private static final int PER_SEGMENT = 4096 / (PAYLOAD + 16);

    @TempDir
    Path dir;

    private OutboxSettings settings(long maxBytes, long keep) {
        return new OutboxSettings(dir, 4096, maxBytes, Duration.ofMillis(5), 8, Duration.ofMillis(1), keep);
    }

    private static byte[] rec(long i) {
        byte[] b = new byte[PAYLOAD];
        byte[] name = String.format("frame-%06d", i).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, b, 0, name.length);
        return b;
    }

    private static long numberOf(byte[] payload) {
        return Long.parseLong(new String(payload, 6, 6, StandardCharsets.US_ASCII));
    }

    private static List<Long> deliveredNumbers(Outbox box) throws IOException {
        return box.delivered(p -> true).stream().map(OutboxRetentionTest::numberOf).toList();
    }

    private static void appendAndAcknowledge(Outbox box, int count) throws Exception {
        long first = box.nextIndex();
        for (int i = 0; i < count; i++) {
            box.append(rec(first + i));
        }
        assertTrue(box.awaitDurable(first + count - 1, 2000));
        for (long i = first; i < first + count; i++) {
            box.acknowledge(i);
        }
    }

    private long segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(Segment.SUFFIX)).count();
        }
    }

    @Test
    void deliveredSegmentsAreKeptWithinTheBudgetAndStayDeliveredAfterReopen() throws Exception {
        List<Long> kept;
        try (Outbox box = Outbox.open(settings(16 * 4096, 2 * 4096))) {
            appendAndAcknowledge(box, 10 * PER_SEGMENT + 3);
            OutboxStats st = box.stats();
            assertEquals(0, st.depth());
            assertEquals(2L * PER_SEGMENT * (PAYLOAD + 16), st.keptBytes(), "two full segments kept");
            assertTrue(segmentFiles() <= 3, "two kept segments and the active one: " + segmentFiles());
            kept = deliveredNumbers(box);
            // the two kept segments and the delivered records of the active one: the newest, in order
            long last = 10L * PER_SEGMENT + 2;
            assertEquals(LongStream.rangeClosed(last - kept.size() + 1, last).boxed().toList(), kept);
            assertEquals(2 * PER_SEGMENT + 3, kept.size());
            assertTrue(box.readDurable(0, 100).isEmpty(), "delivered records are not handed to the publisher");
        }
        try (Outbox box = Outbox.open(settings(16 * 4096, 2 * 4096))) {
            assertEquals(kept, deliveredNumbers(box), "the same frames are kept after a restart");
            assertTrue(box.readDurable(0, 100).isEmpty(), "nor published again on start");
            assertEquals(0, box.stats().depth());
        }
    }

    @Test
    void afterAKillTheAckPointerStillTellsKeptFramesFromUndeliveredOnes() throws Exception {
        Outbox killed = Outbox.open(settings(16 * 4096, 2 * 4096));
        try {
            appendAndAcknowledge(killed, 5 * PER_SEGMENT);
            killed.append(rec(5L * PER_SEGMENT)); // appended, never acknowledged
            long lastAcked = 5L * PER_SEGMENT - 1;
            Await.until("the ack pointer on disk", () -> {
                try (AckPointer onDisk = AckPointer.open(dir.resolve("ack.ptr"), Disk.REAL)) {
                    return onDisk.value() == lastAcked;
                }
            }, Duration.ofSeconds(5));
            // No close: the next process opens the files as the OS holds them after a kill -9.
            try (Outbox restarted = Outbox.open(settings(16 * 4096, 2 * 4096))) {
                assertEquals(2 * PER_SEGMENT, deliveredNumbers(restarted).size(), "the kept segments are still kept");
                List<OutboxRecord> toPublish = restarted.readDurable(0, 100);
                assertEquals(1, toPublish.size(), "only the undelivered record is published again on start");
                assertEquals(5L * PER_SEGMENT, numberOf(toPublish.get(0).payload()));
            }
        } finally {
            killed.close();
        }
    }

    @Test
    void onlyAcknowledgedRecordsAreScannedAndThePredicatePicks() throws Exception {
        try (Outbox box = Outbox.open(settings(16 * 4096, 2 * 4096))) {
            for (int i = 0; i < 10; i++) {
                box.append(rec(i));
            }
            assertTrue(box.awaitDurable(9, 2000));
            for (long i : new long[] {0, 1, 2, 3, 4, 7}) {
                box.acknowledge(i);
            }
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 7L), deliveredNumbers(box), "5, 6, 8, 9 wait for the publisher");
            assertEquals(List.of(3L, 7L), box.delivered(p -> numberOf(p) % 4 == 3).stream()
                    .map(OutboxRetentionTest::numberOf).toList());
        }
    }

    @Test
    void aFullJournalDropsKeptDeliveredSegmentsBeforeAnyUndeliveredRecordAndCountsThemApart() throws Exception {
        try (Outbox box = Outbox.open(settings(4 * 4096, 2 * 4096))) {
            appendAndAcknowledge(box, 2 * PER_SEGMENT);
            assertEquals(2 * PER_SEGMENT, deliveredNumbers(box).size());
            long next = box.nextIndex();
            // Nothing acknowledged from here on: the journal fills; the two kept segments must go first.
            while (box.stats().evictedDelivered() < 2 * PER_SEGMENT) {
                box.append(rec(next++));
                assertEquals(0, box.stats().droppedRecords(), "an undelivered record went before a delivered one");
            }
            assertTrue(deliveredNumbers(box).isEmpty());
            assertEquals(0, box.stats().keptBytes());
            for (int i = 0; i < PER_SEGMENT && box.stats().droppedRecords() == 0; i++) {
                box.append(rec(next++));
            }
            assertEquals(PER_SEGMENT, box.stats().droppedRecords(), "then the oldest undelivered segment, counted lost");
            assertEquals(2 * PER_SEGMENT, box.stats().evictedDelivered(), "kept ones are not counted as lost");
        }
    }

    @Test
    void noBudgetDeletesDeliveredSegmentsAtOnce() throws Exception {
        try (Outbox box = Outbox.open(settings(16 * 4096, 0))) {
            appendAndAcknowledge(box, 3 * PER_SEGMENT + 1);
            assertEquals(0, box.stats().keptBytes());
            assertEquals(1, segmentFiles());
            assertEquals(List.of(3L * PER_SEGMENT), deliveredNumbers(box), "only the active segment's");
        }
    }

    @Test
    void theBudgetIsAtMostHalfTheJournal() {
        assertThrows(IllegalArgumentException.class, () -> settings(4 * 4096, 2 * 4096 + 1));
        assertThrows(IllegalArgumentException.class, () -> settings(4 * 4096, -1));
        assertEquals(2L << 20, OutboxSettings.defaults(dir).keepDeliveredBytes(), "two 1 MiB segments");
    }
}
