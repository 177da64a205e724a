package dev.portal.device.outbox;

import dev.portal.device.store.Disk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One journal file holding consecutive records from {@link #firstIndex()}. Named after its first index so the
 * files sort in journal order. Not thread-safe: {@link Outbox} guards it.
 */
final class Segment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Segment.class);
    static final String SUFFIX = ".seg";

    private final Path path;
    private final long firstIndex;
    private final FileChannel channel;
    private long size;
    private long lastIndex; // firstIndex - 1 while empty
    private int tornRecords;
    // Where the last read stopped: the publisher reads forward, so the next read starts here, not at byte 0.
    private long hintIndex;
    private long hintPos;

    private Segment(Path path, long firstIndex, FileChannel channel) {
        this.path = path;
        this.firstIndex = firstIndex;
        this.channel = channel;
        this.lastIndex = firstIndex - 1;
        this.hintIndex = firstIndex;
    }

    static Path pathFor(Path dir, long firstIndex) {
        return dir.resolve(String.format("%020d%s", firstIndex, SUFFIX));
    }

    static long firstIndexOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    static Segment create(Path dir, long firstIndex, Disk disk) throws IOException {
        Path p = pathFor(dir, firstIndex);
        FileChannel ch = disk.open(p, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
        try {
            // Forcing the file's data later is not enough: without its directory entry on the medium, a power cut
            // takes the whole file, records published as durable included.
            disk.syncDirectory(dir);
        } catch (IOException e) {
            ch.close();
            Files.deleteIfExists(p);
            throw e;
        }
        return new Segment(p, firstIndex, ch);
    }

    /**
     * Opens an existing file and checks every record. At the first record that is short, fails its CRC or has
     * the wrong index, the file is cut there: a crash can only tear the tail, and what follows a damaged record
     * cannot be trusted to be in order.
     */
    static Segment recover(Path file, Disk disk) throws IOException {
        long first = firstIndexOf(file);
        FileChannel ch = disk.open(file, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
        Segment seg = new Segment(file, first, ch);
        long fileSize = ch.size();
        long pos = 0;
        long expected = first;
        ByteBuffer head = ByteBuffer.allocate(RecordFormat.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        while (pos < fileSize) {
            head.clear();
            if (fileSize - pos < RecordFormat.HEADER || readFully(ch, head, pos) < RecordFormat.HEADER) {
                break;
            }
            head.flip();
            int len = head.getInt();
            long index = head.getLong();
            int crc = head.getInt();
            if (len < 0 || len > OutboxSettings.MAX_RECORD_BYTES || index != expected
                    || fileSize - pos - RecordFormat.HEADER < len) {
                break;
            }
            byte[] payload = new byte[len];
            readFully(ch, ByteBuffer.wrap(payload), pos + RecordFormat.HEADER);
            if (RecordFormat.crc(len, index, payload) != crc) {
                break;
            }
            pos += RecordFormat.HEADER + len;
            expected++;
        }
        if (pos < fileSize) {
            seg.tornRecords = 1;
            LOG.warn("outbox segment {}: damaged record at byte {} of {}; keeping the {} records before it",
                    file.getFileName(), pos, fileSize, expected - first);
            ch.truncate(pos);
            ch.force(true);
        }
        seg.size = pos;
        seg.lastIndex = expected - 1;
        return seg;
    }

    private static int readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    void append(long index, byte[] payload) throws IOException {
        if (index != lastIndex + 1) {
            throw new IllegalStateException("index " + index + " after " + lastIndex);
        }
        ByteBuffer buf = RecordFormat.encode(index, payload);
        long pos = size;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
        size = pos;
        lastIndex = index;
    }

    /** Reads up to {@code max} records from {@code fromIndex} (which must lie in this segment). */
    List<OutboxRecord> read(long fromIndex, int max, long maxBytes) throws IOException {
        List<OutboxRecord> out = new ArrayList<>();
        long pos = 0;
        long index = firstIndex;
        if (fromIndex >= hintIndex) {
            pos = hintPos;
            index = hintIndex;
        }
        long taken = 0;
        ByteBuffer head = ByteBuffer.allocate(RecordFormat.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        while (pos < size && out.size() < max && index <= lastIndex && taken < maxBytes) {
            head.clear();
            readFully(channel, head, pos);
            head.flip();
            int len = head.getInt();
            if (index >= fromIndex) {
                byte[] payload = new byte[len];
                readFully(channel, ByteBuffer.wrap(payload), pos + RecordFormat.HEADER);
                out.add(new OutboxRecord(index, payload));
                taken += len;
            }
            pos += RecordFormat.HEADER + len;
            index++;
        }
        hintIndex = index;
        hintPos = pos;
        return out;
    }

    void force() throws IOException {
        channel.force(false);
    }

    long firstIndex() {
        return firstIndex;
    }

    long lastIndex() {
        return lastIndex;
    }

    long size() {
        return size;
    }

    boolean isEmpty() {
        return lastIndex < firstIndex;
    }

    int tornRecords() {
        return tornRecords;
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing outbox segment {}: {}", path.getFileName(), e.toString());
        }
    }
}
