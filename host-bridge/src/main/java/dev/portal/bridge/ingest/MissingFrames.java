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
    private MissingFrames() {
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
