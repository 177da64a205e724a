package dev.portal.device.outbox;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A look at the records the broker has acknowledged and the journal still keeps, taken under the outbox's lock
 * (which segments, how far each was written, what was acknowledged) and read after it is released, so a scan of
 * megabytes never holds up an append. Records acknowledged after the snapshot count as not yet delivered.
 */
final class DeliveredScan {
    /** A segment and its size when the snapshot was taken: appends after that lie beyond it. */
    private record Extent(Segment segment, long size) {
    }

    private final List<Extent> extents = new ArrayList<>();
    private final long acked;
    private final Set<Long> ackedAbove;

    /** Call under the outbox's lock. */
    DeliveredScan(Iterable<Segment> segments, long acked, Set<Long> ackedAbove) {
        this.acked = acked;
        this.ackedAbove = Set.copyOf(ackedAbove);
        long top = ackedAbove.stream().mapToLong(Long::longValue).max().orElse(acked);
        for (Segment s : segments) {
            if (s.firstIndex() > Math.max(top, acked)) {
                break; // nothing delivered from here on
            }
            extents.add(new Extent(s, s.size()));
        }
    }

    /**
     * Deletes delivered segments, oldest first, until those kept fit {@code budget}; the active one always stays.
     * Returns the bytes deleted.
     */
    static long trim(Deque<Segment> segments, long acked, long budget) throws IOException {
        long freed = 0;
        while (segments.size() > 1 && segments.peekFirst().lastIndex() <= acked
                && keptBytes(segments, acked) > budget) {
            Segment s = segments.pollFirst();
            freed += s.size();
            s.delete();
        }
        return freed;
    }

    /** Bytes of the fully delivered segments before the last (active) one: what the retention budget counts. */
    static long keptBytes(Collection<Segment> segments, long acked) {
        long kept = 0;
        int before = segments.size() - 1;
        for (Segment s : segments) {
            if (before-- == 0 || s.lastIndex() > acked) {
                break;
            }
            kept += s.size();
        }
        return kept;
    }

    /** The delivered payloads {@code wanted} accepts, in journal order; call outside the lock. */
    List<byte[]> read(Predicate<byte[]> wanted) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Extent e : extents) {
            try {
                e.segment().forEach(e.size(), (payload, index) -> {
                    if ((index <= acked || ackedAbove.contains(index)) && wanted.test(payload)) {
                        out.add(payload);
                    }
                });
            } catch (ClosedChannelException dropped) {
                // the full policy or the retention budget dropped it since the snapshot: its records are gone
            }
        }
        return out;
    }
}
