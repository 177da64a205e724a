package dev.portal.device.outbox;

import dev.portal.device.disk.Disk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ObjLongConsumer;

/**
 * One journal file holding records from {@link #firstIndex()} in index order (consecutive, except where
 * {@link #recover} found damage). Named after its first index so the files sort in journal order. Appends and
 * reads are not thread-safe ({@link Outbox} guards them); {@link #force} may run beside them.
 */
final class Segment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Segment.class);
    static final String SUFFIX = ".seg";

    /** A record written to the file but not yet covered by a successful force, kept to be written again. */
    private record Unforced(long index, long position, ByteBuffer bytes) {
    }

    private final Path path;
    private final long firstIndex;
    private final FileChannel channel;
    private long size;
    private long lastIndex; // firstIndex - 1 while empty
    private long damagedRecords;
    private List<SegmentScan.Range> lost = List.of();
    // Where the last read stopped: the publisher reads forward, so the next read starts here, not at byte 0.
    private long hintIndex;
    private long hintPos;
    // One force at a time; appends only take `unforcedLock`, briefly, so they never wait for an fsync.
    private final Object forcing = new Object();
    private final Object unforcedLock = new Object();
    private final ArrayDeque<Unforced> unforced = new ArrayDeque<>();
    private boolean forceFailed;

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
     * Opens an existing file and keeps its intact records ({@link SegmentScan}). A torn tail is cut off; damage
     * with intact records after it (rot, not a crash) is cut out by rewriting the file without it, so the
     * records after it are kept and only the damaged ones are lost ({@link #lost()}).
     */
    static Segment recover(Path file, Disk disk) throws IOException {
        long first = firstIndexOf(file);
        SegmentScan scan;
        try (FileChannel in = disk.open(file, Set.of(StandardOpenOption.READ))) {
            if (in.size() > Integer.MAX_VALUE) {
                throw new IOException("outbox segment " + file + " is too large to be one: " + in.size() + " bytes");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) in.size());
            readFully(in, bytes, 0);
            scan = SegmentScan.of(bytes.flip(), first);
            if (scan.damagedInside()) {
                disk.replace(file, intactBytes(bytes, scan));
            }
        }
        FileChannel ch = disk.open(file, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
        Segment seg = new Segment(file, first, ch);
        if (scan.tornTail() && !scan.damagedInside()) {
            ch.truncate(scan.end());
            ch.force(true);
        }
        seg.size = scan.records().stream().mapToLong(SegmentScan.Span::size).sum();
        seg.lastIndex = scan.records().isEmpty() ? first - 1 : scan.records().getLast().index();
        seg.lost = List.copyOf(scan.lost());
        seg.damagedRecords = scan.damagedRecords();
        if (!scan.lost().isEmpty()) {
            LOG.warn("outbox segment {}: damaged records {} cut out; the {} intact records around them are kept",
                    file.getFileName(), scan.lost(), scan.records().size());
        }
        if (scan.tornTail()) {
            LOG.warn("outbox segment {}: torn tail cut off at byte {}; keeping the {} intact records before it",
                    file.getFileName(), scan.end(), scan.records().size());
        }
        return seg;
    }

    private static byte[] intactBytes(ByteBuffer file, SegmentScan scan) {
        ByteBuffer out = ByteBuffer.allocate(scan.records().stream().mapToInt(SegmentScan.Span::size).sum());
        for (SegmentScan.Span s : scan.records()) {
            out.put(file.slice((int) s.position(), s.size()));
        }
        return out.array();
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
        try {
            writeFully(buf.duplicate(), size);
        } catch (IOException e) {
            takeBack();
            throw e;
        }
        synchronized (unforcedLock) {
            unforced.add(new Unforced(index, size, buf));
        }
        size += buf.remaining();
        lastIndex = index;
    }

    /** After a failed write (a full disk): whatever part of the record reached the file is cut off again. */
    private void takeBack() {
        try {
            if (channel.size() > size) {
                channel.truncate(size);
            }
        } catch (IOException e) {
            LOG.warn("outbox segment {}: cannot cut a half-written record off ({}); the next open will", path.getFileName(),
                    e.toString());
        }
    }

    private void writeFully(ByteBuffer buf, long at) throws IOException {
        long pos = at;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
    }

    /** Reads up to {@code max} records with index >= {@code fromIndex}, in order. */
    List<OutboxRecord> read(long fromIndex, int max, long maxBytes) throws IOException {
        List<OutboxRecord> out = new ArrayList<>();
        long pos = 0;
        if (fromIndex >= hintIndex) {
            pos = hintPos;
        }
        long taken = 0;
        ByteBuffer head = ByteBuffer.allocate(RecordFormat.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        while (pos < size && out.size() < max && taken < maxBytes) {
            head.clear();
            readFully(channel, head, pos);
            head.flip();
            int len = head.getInt();
            long index = head.getLong(); // from the header: indexes may skip where recovery cut damage out
            if (index >= fromIndex) {
                byte[] payload = new byte[len];
                readFully(channel, ByteBuffer.wrap(payload), pos + RecordFormat.HEADER);
                out.add(new OutboxRecord(index, payload));
                taken += len;
            }
            pos += RecordFormat.HEADER + len;
            hintIndex = index + 1;
            hintPos = pos;
        }
        return out;
    }

    /**
     * Hands {@code visitor} every record in the first {@code limit} bytes, in order, with positional reads only:
     * unlike {@link #read} it touches no state, so it may run outside the outbox's lock beside appends (which
     * write after {@code limit}). Throws ClosedChannelException when the segment was dropped meanwhile.
     */
    void forEach(long limit, ObjLongConsumer<byte[]> visitor) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) limit).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, bytes, 0);
        bytes.flip();
        while (bytes.remaining() >= RecordFormat.HEADER) {
            int len = bytes.getInt();
            long index = bytes.getLong();
            bytes.getInt(); // the CRC, checked when the file was opened or written
            if (len < 0 || len > bytes.remaining()) {
                throw new IOException("outbox segment " + path.getFileName() + ": record " + index + " runs past "
                        + limit + " bytes");
            }
            byte[] payload = new byte[len];
            bytes.get(payload);
            visitor.accept(payload, index);
        }
    }

    /**
     * Forces what was appended to the medium. After a failed force Linux may have dropped the pages it could not
     * write and count them clean, so a later force succeeds without writing them: every record not yet covered by
     * a successful force is therefore written again (from memory) before the next one.
     */
    void force() throws IOException {
        synchronized (forcing) {
            long upTo;
            List<Unforced> again;
            synchronized (unforcedLock) {
                upTo = unforced.isEmpty() ? Long.MIN_VALUE : unforced.getLast().index();
                again = forceFailed ? List.copyOf(unforced) : List.of();
            }
            for (Unforced u : again) {
                writeFully(u.bytes().duplicate(), u.position());
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                synchronized (unforcedLock) {
                    forceFailed = true;
                }
                throw e;
            }
            synchronized (unforcedLock) {
                forceFailed = false;
                while (!unforced.isEmpty() && unforced.getFirst().index() <= upTo) {
                    unforced.removeFirst();
                }
            }
        }
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

    /** Records recovery found damaged: those cut out, and one for a torn tail. */
    long damagedRecords() {
        return damagedRecords;
    }

    /** Indexes recovery cut out of the middle of this file: they will never be read. */
    List<SegmentScan.Range> lost() {
        return lost;
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
