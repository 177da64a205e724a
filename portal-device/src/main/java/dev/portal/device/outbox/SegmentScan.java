package dev.portal.device.outbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The intact records in a segment file's bytes. A record is intact when its length fits the file, its index
 * follows the previous intact record's and its CRC matches. After a damaged record the scan looks, byte by byte,
 * for the next intact one, so rot in the middle of a file costs the records it hit, not every record after them.
 * When nothing intact follows, the tail is torn (a crash while appending) and is cut off.
 *
 * @param records  where each intact record lies, in file order
 * @param lost     indexes between intact records that no intact record holds any more
 * @param end      where the intact part ends: the file is cut here
 * @param tornTail whether bytes after the last intact record were dropped
 */
record SegmentScan(List<Span> records, List<Range> lost, long end, boolean tornTail) {
    /** One intact record: its offset in the file, its index and its total size, header included. */
    record Span(long position, long index, int size) {
    }

    /** Indexes {@code first..last}, both included. */
    record Range(long first, long last) {
        long count() {
            return last - first + 1;
        }
    }

    static SegmentScan of(ByteBuffer file, long firstIndex) {
        ByteBuffer data = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        List<Span> records = new ArrayList<>();
        List<Range> lost = new ArrayList<>();
        int n = data.limit();
        int pos = 0;
        long expected = firstIndex;
        while (pos < n) {
            Span here = intactAt(data, pos, expected, expected);
            if (here == null) {
                here = nextIntact(data, pos, expected);
                if (here == null) {
                    return new SegmentScan(records, lost, pos, true);
                }
                if (here.index() > expected) {
                    lost.add(new Range(expected, here.index() - 1));
                }
            }
            records.add(here);
            pos = (int) here.position() + here.size();
            expected = here.index() + 1;
        }
        return new SegmentScan(records, lost, pos, false);
    }

    /** Whether damage was found before an intact record: the file must be rewritten without it. */
    boolean damagedInside() {
        long at = 0;
        for (Span s : records) {
            if (s.position() != at) {
                return true;
            }
            at += s.size();
        }
        return false;
    }

    /** Records lost to damage: those between intact records, and one for a torn tail. */
    long damagedRecords() {
        return lost.stream().mapToLong(Range::count).sum() + (tornTail ? 1 : 0);
    }

    /**
     * The first intact record after the damaged one at {@code from}. A stretch of d bytes held at most d / 16 + 1
     * records, so a candidate's index must lie within that of {@code expected}: with the CRC, random bytes
     * practically never pass for a record.
     */
    private static Span nextIntact(ByteBuffer data, int from, long expected) {
        for (int p = from + 1; p + RecordFormat.HEADER <= data.limit(); p++) {
            Span s = intactAt(data, p, expected, expected + (p - from) / RecordFormat.HEADER);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static Span intactAt(ByteBuffer data, int p, long minIndex, long maxIndex) {
        int n = data.limit();
        if (n - p < RecordFormat.HEADER) {
            return null;
        }
        int len = data.getInt(p);
        long index = data.getLong(p + 4);
        if (len < 0 || len > OutboxSettings.MAX_RECORD_BYTES || n - p - RecordFormat.HEADER < len
                || index < minIndex || index > maxIndex) {
            return null;
        }
        byte[] payload = new byte[len];
        data.get(p + RecordFormat.HEADER, payload);
        return RecordFormat.crc(len, index, payload) == data.getInt(p + 12)
                ? new Span(p, index, RecordFormat.HEADER + len) : null;
    }
}
