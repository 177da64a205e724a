package dev.portal.bridge.ingest;

import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.store.SharedStreams;
import dev.portal.protocol.frame.ResendFrames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which frames a portal's parked frames wait for, as resend_frames requests: per boot, from the frame after the
 * last one applied (0 for a boot no Birth has started yet) up to the newest parked one. One range covers every
 * hole of a boot: on Mosquitto a bridge that is down keeps its turn, so every other frame may be missing, and
 * the portal sends again those it has (the parked ones among them are dropped as duplicates).
 */
final class MissingFrames {
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private MissingFrames() {
    }

    /**
     * After a restart, the frames of the boot before {@code current} that follow the last one applied, as far
     * as one request reaches: the portal sends those it kept (the answer says how many), and none if there are none.
     */
    static List<ResendFrames> tailOfPrevious(List<StreamPosition> positions, long current) {
        List<StreamPosition> boots = positions.stream().filter(p -> p.bootId() != current).toList();
        if (boots.isEmpty() || boots.getLast().lastSeq() >= U32_MAX) {
            return List.of();
        }
        StreamPosition previous = boots.getLast();
        long from = previous.lastSeq() + 1;
        return List.of(new ResendFrames(previous.bootId(), from, Math.min(U32_MAX, from + ResendFrames.MAX_SPAN - 1)));
    }

    static List<ResendFrames> of(List<StreamPosition> positions, List<SharedStreams.Parked> parked) {
        Map<Long, Long> last = positions.stream()
                .collect(Collectors.toMap(StreamPosition::bootId, StreamPosition::lastSeq, Math::max));
        Map<Long, List<Long>> parkedSeqs = new TreeMap<>();
        parked.forEach(p -> parkedSeqs.computeIfAbsent(p.bootId(), b -> new ArrayList<>()).add(p.seq()));
        List<ResendFrames> asks = new ArrayList<>();
        parkedSeqs.forEach((boot, seqs) -> {
            long from = last.containsKey(boot) ? last.get(boot) + 1 : 0;
            long newest = seqs.stream().mapToLong(Long::longValue).max().orElse(from);
            if (newest > from) {
                long to = Math.min(newest - 1, from + ResendFrames.MAX_SPAN - 1);
                asks.add(new ResendFrames(boot, from, to));
            }
        });
        return asks;
    }
}
