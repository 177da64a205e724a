package dev.portal.device.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.device.testing.PowerCutDisk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the outbox keeps when the disk misbehaves: power cuts, failed fsyncs, rot in the middle of a file. */
class OutboxFaultsTest {
    @TempDir
    Path dir;

    private OutboxSettings settings() {
        return new OutboxSettings(dir, 4096, 4 * 4096, Duration.ofMillis(5), 8, Duration.ofMillis(1));
    }

    private static byte[] rec(int i) {
        return ("frame-" + i).getBytes(StandardCharsets.UTF_8);
    }

    /** What a publisher would be handed: every durable record, in order. */
    private static List<String> published(Outbox box) throws IOException {
        List<String> out = new ArrayList<>();
        long next = 0;
        for (List<OutboxRecord> batch = box.readDurable(next, 100); !batch.isEmpty(); batch = box.readDurable(next, 100)) {
            for (OutboxRecord r : batch) {
                out.add(new String(r.payload(), StandardCharsets.UTF_8));
                next = r.index() + 1;
            }
        }
        return out;
    }

    private List<String> afterRestart() throws Exception {
        try (Outbox box = Outbox.open(settings())) {
            box.awaitDurable(box.nextIndex() - 1, 2000);
            return published(box);
        }
    }

    /** Appends three records on {@code disk}, returns what was published, closes, and cuts the power. */
    private List<String> publishThenCutPower(PowerCutDisk disk, Runnable beforeAppending) throws Exception {
        List<String> sent;
        try (Outbox box = Outbox.open(settings(), disk)) {
            beforeAppending.run();
            for (int i = 0; i < 3; i++) {
                box.append(rec(i));
            }
            assertTrue(box.awaitDurable(2, 5000), "the sync thread retries a failed fsync");
            sent = published(box);
        }
        disk.powerCut();
        return sent;
    }

    @Test
    void framesPublishedBeforeAPowerCutAreStillThereAfterIt() throws Exception {
        List<String> sent = publishThenCutPower(new PowerCutDisk(), () -> { });
        assertEquals(List.of("frame-0", "frame-1", "frame-2"), sent);
        assertEquals(sent, afterRestart(), "the new segment's name was forced into its directory");
    }

    @Test
    void aFailedFsyncIsNotMadeGoodByALaterSuccessfulOne() throws Exception {
        PowerCutDisk disk = new PowerCutDisk();
        List<String> sent = publishThenCutPower(disk, disk::failNextForce);
        assertEquals(1, disk.forceFailures());
        assertEquals(List.of("frame-0", "frame-1", "frame-2"), sent);
        assertEquals(sent, afterRestart(), "what was published as durable is on the medium");
    }

    @Test
    void damageAtAnyByteOfARecordCostsThatRecordOnly() {
        ByteBuffer intact = ByteBuffer.allocate(10 * (RecordFormat.HEADER + rec(0).length));
        for (int i = 0; i < 10; i++) {
            intact.put(RecordFormat.encode(100 + i, rec(i)));
        }
        int from = 4 * (RecordFormat.HEADER + rec(0).length);
        for (int at = from; at < from + RecordFormat.HEADER + rec(4).length; at++) {
            ByteBuffer file = ByteBuffer.allocate(intact.capacity()).put(intact.array()).flip();
            file.put(at, (byte) (file.get(at) ^ 0x5A));
            SegmentScan scan = SegmentScan.of(file, 100);
            assertEquals(List.of(new SegmentScan.Range(104, 104)), scan.lost(), "damage at byte " + at);
            assertEquals(9, scan.records().size(), "damage at byte " + at);
            assertTrue(scan.damagedInside() && !scan.tornTail(), "damage at byte " + at);
        }
    }

    @Test
    void oneDamagedRecordInTheMiddleCostsThatRecordOnly() throws Exception {
        try (Outbox box = Outbox.open(settings())) {
            for (int i = 0; i < 10; i++) {
                box.append(rec(i));
            }
        }
        Path seg = onlySegment();
        int recordBytes = RecordFormat.HEADER + rec(0).length;
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'#', '#'}), 4L * recordBytes + RecordFormat.HEADER + 2); // frame-4 rots
        }
        try (Outbox box = Outbox.open(settings())) {
            box.awaitDurable(9, 2000);
            List<String> got = published(box);
            assertEquals(List.of("frame-0", "frame-1", "frame-2", "frame-3", "frame-5", "frame-6", "frame-7",
                    "frame-8", "frame-9"), got);
            assertEquals(1, box.stats().tornRecords(), "the lost record is counted");
            long appended = box.append(rec(10));
            assertTrue(box.awaitDurable(appended, 2000));
            assertEquals("frame-10", published(box).get(9), "appending continues after the intact records");
            for (long i = 0; i <= appended; i++) {
                box.acknowledge(i);
            }
            assertTrue(box.awaitDrained(Duration.ofSeconds(2)), "the lost record does not hold the outbox up");
        }
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> segs = s.filter(p -> p.toString().endsWith(Segment.SUFFIX)).sorted().toList();
            assertEquals(1, segs.size(), "one segment: " + segs);
            return segs.get(0);
        }
    }
}
