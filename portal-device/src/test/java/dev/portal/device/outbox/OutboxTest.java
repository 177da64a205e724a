package dev.portal.device.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class OutboxTest {
    @TempDir
    Path dir;

    private OutboxSettings small() {
        return new OutboxSettings(dir, 4096, 4 * 4096, Duration.ofMillis(5), 8, Duration.ofMillis(1));
    }

    private static byte[] rec(int i) {
        return ("frame-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> drain(Outbox box, long from) throws Exception {
        List<String> out = new ArrayList<>();
        box.awaitDurable(box.nextIndex() - 1, 2000);
        long next = from;
        while (true) {
            List<OutboxRecord> batch = box.readDurable(next, 7);
            if (batch.isEmpty()) {
                return out;
            }
            for (OutboxRecord r : batch) {
                out.add(new String(r.payload(), StandardCharsets.UTF_8));
                next = r.index() + 1;
            }
        }
    }

    @Test
    void recordsComeBackInOrderAcrossSegmentsAndReopen() throws Exception {
        try (Outbox box = Outbox.open(OutboxSettings.defaults(dir))) {
            for (int i = 0; i < 1000; i++) {
                box.append(rec(i));
            }
        }
        try (Outbox box = Outbox.open(OutboxSettings.defaults(dir))) {
            List<String> got = drain(box, 0);
            assertEquals(1000, got.size());
            for (int i = 0; i < 1000; i++) {
                assertEquals("frame-" + i, got.get(i));
            }
            assertEquals(1000, box.stats().depth());
        }
    }

    @Test
    void acknowledgedRecordsStayGoneAfterReopenEvenWhenAcksArriveOutOfOrder() throws Exception {
        try (Outbox box = Outbox.open(small())) {
            for (int i = 0; i < 300; i++) {
                box.append(rec(i));
            }
            box.awaitDurable(299, 2000);
            for (int i = 199; i >= 0; i--) {
                box.acknowledge(i);
            }
            box.acknowledge(250); // a gap: 200..249 not yet delivered
            assertEquals(99, box.stats().depth());
            assertEquals(199, box.stats().ackedIndex());
        }
        try (Outbox box = Outbox.open(small())) {
            List<String> got = drain(box, 0);
            assertEquals("frame-200", got.get(0), "the persisted pointer is the contiguous one");
            assertTrue(got.size() >= 99);
            assertEquals("frame-299", got.get(got.size() - 1));
        }
    }

    @Test
    void tornTailIsDroppedAndEverythingBeforeItKept() throws Exception {
        try (Outbox box = Outbox.open(OutboxSettings.defaults(dir))) {
            for (int i = 0; i < 50; i++) {
                box.append(rec(i));
            }
        }
        Path seg = onlySegment();
        long size = Files.size(seg);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3); // the last record was half written when the power went
        }
        try (Outbox box = Outbox.open(OutboxSettings.defaults(dir))) {
            List<String> got = drain(box, 0);
            assertEquals(49, got.size());
            assertEquals("frame-48", got.get(48));
            assertEquals(1, box.stats().tornRecords());
            box.append(rec(99));
            assertEquals("frame-99", drain(box, 0).get(49), "appending continues after the cut");
        }
    }

    @Test
    void garbageAfterTheLastRecordIsDetected() throws Exception {
        try (Outbox box = Outbox.open(OutboxSettings.defaults(dir))) {
            for (int i = 0; i < 10; i++) {
                box.append(rec(i));
            }
        }
        try (FileChannel ch = FileChannel.open(onlySegment(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            byte[] junk = new byte[40];
            new Random(1).nextBytes(junk);
            junk[0] = 5; // a plausible length, then a bad CRC
            junk[1] = junk[2] = junk[3] = 0;
            ch.write(ByteBuffer.wrap(junk));
        }
        try (Outbox box = Outbox.open(OutboxSettings.defaults(dir))) {
            assertEquals(10, drain(box, 0).size());
            assertEquals(1, box.stats().tornRecords());
        }
    }

    @Test
    void cutAtEveryByteOfTheTailLosesAtMostTheTornRecord() throws Exception {
        try (Outbox box = Outbox.open(OutboxSettings.defaults(dir))) {
            for (int i = 0; i < 20; i++) {
                box.append(rec(i));
            }
        }
        Path seg = onlySegment();
        byte[] full = Files.readAllBytes(seg);
        int lastRecord = RecordFormat.HEADER + rec(19).length;
        for (int cut = full.length - lastRecord; cut <= full.length; cut++) {
            Files.write(seg, java.util.Arrays.copyOf(full, cut));
            Files.deleteIfExists(dir.resolve("ack.ptr"));
            try (Outbox box = Outbox.open(OutboxSettings.defaults(dir))) {
                List<String> got = drain(box, 0);
                assertEquals(cut == full.length ? 20 : 19, got.size(), "cut at " + cut);
            }
            try (Stream<Path> s = Files.list(dir)) { // reopen created an empty active segment; start clean
                for (Path p : s.toList()) {
                    if (!p.equals(seg)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Test
    void aFullJournalDropsTheOldestAndCountsThem() throws Exception {
        try (Outbox box = Outbox.open(small())) {
            for (int i = 0; i < 2000; i++) {
                box.append(rec(i));
            }
            OutboxStats st = box.stats();
            assertTrue(st.bytes() <= 4 * 4096, "bounded: " + st.bytes());
            assertTrue(st.droppedRecords() > 0);
            assertEquals(2000, st.depth() + st.droppedRecords());
            List<String> got = drain(box, 0);
            assertEquals("frame-1999", got.get(got.size() - 1), "the newest survive");
        }
    }

    @Test
    void nothingIsHandedOutBeforeItIsDurable() throws Exception {
        OutboxSettings slow = new OutboxSettings(dir, 1 << 20, 8L << 20, Duration.ofSeconds(30), 1000,
                Duration.ofMillis(100));
        try (Outbox box = Outbox.open(slow)) {
            box.append(rec(0)); // first sync is immediate (nothing synced for 30 s)
            assertTrue(box.awaitDurable(0, 2000));
            box.append(rec(1));
            assertEquals(1, box.readDurable(0, 10).size(), "record 1 waits for the next batched fsync");
        }
    }

    @Test
    void awaitDrainedWaitsForTheLastAcknowledgement() throws Exception {
        try (Outbox box = Outbox.open(small())) {
            assertTrue(box.awaitDrained(Duration.ZERO), "an empty outbox is drained");
            long first = box.append(rec(0));
            long second = box.append(rec(1));
            assertFalse(box.awaitDrained(Duration.ofMillis(20)), "nothing acknowledged yet");
            box.acknowledge(second);
            assertFalse(box.awaitDrained(Duration.ofMillis(20)), "one record still waits");
            Thread acker = Thread.ofPlatform().start(() -> box.acknowledge(first));
            assertTrue(box.awaitDrained(Duration.ofSeconds(5)), "woken by the acknowledgement");
            acker.join();
            assertEquals(0, box.stats().depth());
        }
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> segs = s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
            return segs.get(segs.size() - 1);
        }
    }
}
