package dev.portal.device.outbox;

import dev.portal.device.disk.Disk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The durable outbox: an append-only journal of frames split into segment files, plus an acknowledgement
 * pointer. A frame is appended before anyone may publish it ({@link #readDurable} only hands out records that
 * have been forced to disk) and leaves the journal only once {@link #acknowledge} says the broker has it; even
 * then the newest delivered segments are kept a while ({@link #delivered}), for a host that asks for frames a
 * broker acknowledged but passed to nobody. See {@link OutboxSettings} for the sync, retention and full
 * policies. Thread-safe.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String ACK_FILE = "ack.ptr";

    private final OutboxSettings settings;
    private final Disk disk;
    private final AckPointer ackPointer;
    private final Object lock = new Object();
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private final TreeSet<Long> ackedAbove = new TreeSet<>();
    private final Thread syncThread;
    private long nextIndex;
    private long acked;
    private long durable;
    private long bytes;
    private long dropped;
    private long evictedDelivered;
    private long failedAppends;
    private long torn;
    private long lastSyncNanos;
    private long lastAckPersistNanos;
    private IOException syncFailure;
    private boolean closed;

    private Outbox(OutboxSettings settings, Disk disk, AckPointer ackPointer) {
        this.settings = settings;
        this.disk = disk;
        this.ackPointer = ackPointer;
        this.lastSyncNanos = System.nanoTime() - settings.syncInterval().toNanos();
        this.syncThread = Thread.ofPlatform().name("outbox-sync").daemon(true).unstarted(this::syncLoop);
    }

    /** Opens (or creates) the journal in {@code settings.directory()}, dropping a torn tail if there is one. */
    public static Outbox open(OutboxSettings settings) throws IOException {
        return open(settings, Disk.REAL);
    }

    /** {@link #open(OutboxSettings)} on {@code disk}. */
    public static Outbox open(OutboxSettings settings, Disk disk) throws IOException {
        Files.createDirectories(settings.directory());
        Outbox box = new Outbox(settings, disk, AckPointer.open(settings.directory().resolve(ACK_FILE), disk));
        disk.syncDirectory(settings.directory()); // the ack pointer's file, if it was just created
        box.recover();
        box.syncThread.start();
        return box;
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(settings.directory())) {
            files = s.filter(p -> p.getFileName().toString().endsWith(Segment.SUFFIX)).sorted().toList();
        }
        long last = -1;
        List<SegmentScan.Range> lost = new ArrayList<>();
        for (Path f : files) {
            Segment seg = Segment.recover(f, disk);
            torn += seg.damagedRecords();
            if (seg.isEmpty() || seg.firstIndex() <= last) {
                seg.delete(); // empty, or overlapping an earlier file: nothing in it can be trusted to be new
                continue;
            }
            segments.add(seg);
            bytes += seg.size();
            last = seg.lastIndex();
            lost.addAll(seg.lost());
        }
        long first = segments.isEmpty() ? 0 : segments.peekFirst().firstIndex();
        acked = Math.max(ackPointer.value(), first - 1);
        // Records cut out as damaged are gone: nothing will deliver them, so they must not hold the ack pointer.
        for (SegmentScan.Range r : lost) {
            for (long i = Math.max(r.first(), acked + 1); i <= r.last(); i++) {
                ackedAbove.add(i);
            }
        }
        advanceAck(acked);
        nextIndex = Math.max(last + 1, acked + 1);
        durable = nextIndex - 1;
        if (segments.isEmpty() || segments.peekLast().size() >= settings.segmentBytes()) {
            roll();
        }
        trimDelivered();
        LOG.info("outbox {}: {} segments, {} records waiting (indexes {}..{}), {} damaged record(s) dropped",
                settings.directory(), segments.size(), depthLocked(), acked + 1, nextIndex - 1, torn);
    }

    /** Appends one record and returns its index. The caller must not publish it itself. */
    public long append(byte[] payload) throws IOException {
        if (payload.length > OutboxSettings.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("record of " + payload.length + " bytes is over the limit");
        }
        synchronized (lock) {
            if (closed) {
                throw new IOException("outbox closed");
            }
            long size = RecordFormat.HEADER + payload.length;
            try {
                if (segments.peekLast().size() + size > settings.segmentBytes()) {
                    segments.peekLast().force(); // the sync thread only forces the active segment
                    roll();
                }
                while (bytes + size > settings.maxBytes() && segments.size() > 1) {
                    dropOldest();
                }
                segments.peekLast().append(nextIndex, payload);
            } catch (IOException e) {
                failedAppends++; // a full or failing disk: the caller has lost this record, and the Heartbeat says so
                throw e;
            }
            long index = nextIndex++;
            bytes += size;
            lock.notifyAll();
            return index;
        }
    }

    private void roll() throws IOException {
        if (!segments.isEmpty() && segments.peekLast().isEmpty()) {
            return;
        }
        segments.add(Segment.create(settings.directory(), nextIndex, disk));
    }

    private void dropOldest() throws IOException {
        Segment oldest = segments.pollFirst();
        bytes -= oldest.size();
        oldest.delete();
        if (oldest.lastIndex() <= acked) { // a kept delivered segment: the broker has all of it, nothing is lost
            evictedDelivered += oldest.lastIndex() - oldest.firstIndex() + 1;
            return;
        }
        long lost = 0;
        for (long i = Math.max(acked + 1, oldest.firstIndex()); i <= oldest.lastIndex(); i++) {
            if (!ackedAbove.contains(i)) {
                lost++;
            }
        }
        dropped += lost;
        advanceAck(oldest.lastIndex());
        LOG.warn("outbox full ({} bytes max): dropped {} undelivered records up to index {}",
                settings.maxBytes(), lost, oldest.lastIndex());
    }

    /**
     * Up to {@code max} durable records with index >= {@code fromIndex}, in order, none beyond what has been
     * forced to disk. Empty when there is nothing durable yet.
     */
    public List<OutboxRecord> readDurable(long fromIndex, int max) throws IOException {
        synchronized (lock) {
            List<OutboxRecord> out = new ArrayList<>();
            long from = Math.max(fromIndex, acked + 1);
            for (Segment seg : segments) {
                if (out.size() >= max || from > durable) {
                    break;
                }
                if (seg.lastIndex() < from) {
                    continue;
                }
                for (OutboxRecord r : seg.read(Math.max(from, seg.firstIndex()), max - out.size(), 256 * 1024)) {
                    if (r.index() > durable) {
                        break;
                    }
                    if (!ackedAbove.contains(r.index())) {
                        out.add(r);
                    }
                    from = r.index() + 1;
                }
            }
            return out;
        }
    }

    /** Waits until a record with index >= {@code index} is durable, or the timeout passes. */
    public boolean awaitDurable(long index, long timeoutMillis) throws InterruptedException {
        return await(() -> durable >= index, TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    }

    /**
     * Waits until every record appended so far has been acknowledged (or dropped when the journal was full),
     * the outbox closes, or the timeout passes; true when nothing is left to deliver. A restart waits on this so
     * the frames that explain it reach the broker first.
     */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        return await(() -> depthLocked() == 0, timeout.toNanos());
    }

    /** Waits on the lock (woken by every append, sync, acknowledgement and the close) until {@code done} holds. */
    private boolean await(BooleanSupplier done, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            while (!done.getAsBoolean() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return done.getAsBoolean();
        }
    }

    /** Marks one record as delivered; acknowledgements may arrive out of order. */
    public void acknowledge(long index) {
        synchronized (lock) {
            if (index <= acked || index >= nextIndex) {
                return;
            }
            if (index == acked + 1) {
                advanceAck(index);
            } else {
                ackedAbove.add(index);
            }
            try {
                trimDelivered();
            } catch (IOException e) {
                LOG.warn("outbox: could not delete a delivered segment: {}", e.toString());
            }
            lock.notifyAll();
        }
    }

    private void advanceAck(long to) {
        acked = Math.max(acked, to);
        while (!ackedAbove.isEmpty() && ackedAbove.first() <= acked + 1) {
            acked = Math.max(acked, ackedAbove.pollFirst());
        }
    }

    private void trimDelivered() throws IOException {
        bytes -= DeliveredScan.trim(segments, acked, settings.keepDeliveredBytes());
    }

    /**
     * The payloads {@code wanted} accepts among the delivered records the journal still keeps (acknowledged by
     * the broker, not yet deleted), in journal order. Undelivered records are left out: the publisher has them.
     * The files are read outside the lock, so appends and acknowledgements go on meanwhile.
     */
    public List<byte[]> delivered(Predicate<byte[]> wanted) throws IOException {
        DeliveredScan scan;
        synchronized (lock) {
            scan = new DeliveredScan(segments, acked, ackedAbove);
        }
        return scan.read(wanted);
    }

    /** The index the next append will get. */
    public long nextIndex() {
        synchronized (lock) {
            return nextIndex;
        }
    }

    public OutboxStats stats() {
        synchronized (lock) {
            return new OutboxStats(depthLocked(), bytes, dropped, failedAppends, torn, nextIndex - 1, acked, durable,
                    DeliveredScan.keptBytes(segments, acked), evictedDelivered);
        }
    }

    private long depthLocked() {
        return Math.max(0, nextIndex - 1 - acked - ackedAbove.size());
    }

    private void syncLoop() {
        while (true) {
            Segment target;
            long upTo;
            synchronized (lock) {
                try {
                    while (!closed && durable >= nextIndex - 1 && !ackDue()) {
                        // sleep until an append or an acknowledgement; no periodic wake-ups while idle
                        lock.wait(ackPointer.value() != acked ? settings.ackPersistInterval().toMillis() + 1 : 0);
                    }
                    if (closed) {
                        return;
                    }
                    long pending = nextIndex - 1 - durable;
                    long waitNanos = settings.syncInterval().toNanos() - (System.nanoTime() - lastSyncNanos);
                    if (pending > 0 && pending < settings.syncBatch() && waitNanos > 0) {
                        lock.wait(Math.max(1, waitNanos / 1_000_000));
                        continue; // batch a little more, or close
                    }
                } catch (InterruptedException e) {
                    return;
                }
                target = segments.peekLast();
                upTo = nextIndex - 1;
            }
            try {
                if (upTo > durable) {
                    target.force();
                }
                persistAckIfDue();
                synchronized (lock) {
                    durable = Math.max(durable, upTo);
                    lastSyncNanos = System.nanoTime();
                    lock.notifyAll();
                }
            } catch (ClosedChannelException e) {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    durable = Math.max(durable, upTo); // the segment was dropped; nothing left to force
                }
            } catch (IOException e) {
                LOG.error("outbox: fsync failed, retrying: {}", e.toString());
                synchronized (lock) {
                    syncFailure = e;
                    try {
                        lock.wait(100);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    private boolean ackDue() {
        return ackPointer.value() != acked
                && System.nanoTime() - lastAckPersistNanos >= settings.ackPersistInterval().toNanos();
    }

    private void persistAckIfDue() throws IOException {
        long value;
        synchronized (lock) {
            if (!ackDue()) {
                return;
            }
            value = acked;
            lastAckPersistNanos = System.nanoTime();
        }
        ackPointer.store(value);
    }

    /** The last fsync failure, if the disk is failing (reported in health), else null. */
    public IOException syncFailure() {
        synchronized (lock) {
            return syncFailure;
        }
    }

    /** Forces everything appended so far and the ack pointer to disk, then closes the files. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        try {
            syncThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            try {
                segments.peekLast().force();
                ackPointer.store(acked);
                ackPointer.close();
            } catch (IOException e) {
                LOG.warn("outbox: final sync failed: {}", e.toString());
            }
            segments.forEach(Segment::close);
        }
    }
}
