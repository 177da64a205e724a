package dev.portal.protocol.frame;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health figures a device reports in every Heartbeat; each is a u32 on the wire and saturates rather than wraps.
 * Counters count since boot.
 *
 * @param uptimeSeconds      seconds since boot
 * @param pollsPerSecondX100 reader polls per second over the last interval, times 100
 * @param readErrors         failed reader transactions
 * @param readerResets       times a reader was reset after it stopped answering
 * @param corruptTags        tags whose toy data failed its checks
 * @param rejectedCommands   commands answered with anything but OK
 * @param outboxDepth        frames waiting to be sent now
 * @param outboxDropped      frames dropped because the outbox was full
 * @param brokerReconnects   times the link to the broker was re-established
 * @param tagsPresent        tags on the device's pads now
 */
public record HealthCounters(long uptimeSeconds, long pollsPerSecondX100, long readErrors, long readerResets,
                             long corruptTags, long rejectedCommands, long outboxDepth, long outboxDropped,
                             long brokerReconnects, long tagsPresent) {
    public static final int FIELDS = 10;

    public HealthCounters {
        Check.u32("uptimeSeconds", uptimeSeconds);
        Check.u32("pollsPerSecondX100", pollsPerSecondX100);
        Check.u32("readErrors", readErrors);
        Check.u32("readerResets", readerResets);
        Check.u32("corruptTags", corruptTags);
        Check.u32("rejectedCommands", rejectedCommands);
        Check.u32("outboxDepth", outboxDepth);
        Check.u32("outboxDropped", outboxDropped);
        Check.u32("brokerReconnects", brokerReconnects);
        Check.u32("tagsPresent", tagsPresent);
    }

    /** Reader polls per second over the last interval. The wire carries it times 100 to stay an integer. */
    public double pollsPerSecond() {
        return pollsPerSecondX100 / 100.0;
    }

    /**
     * Each figure under its component name, in wire order, as the wire carries it: the body of the frame tree
     * (SPEC.md section 10, {@code portalctl decode}), which mirrors the wire and is read back by
     * {@code portalctl encode}, so it keeps {@code pollsPerSecondX100}.
     */
    public Map<String, Long> figures() {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("uptimeSeconds", uptimeSeconds);
        figures.put("pollsPerSecondX100", pollsPerSecondX100);
        figures.put("readErrors", readErrors);
        figures.put("readerResets", readerResets);
        figures.put("corruptTags", corruptTags);
        figures.put("rejectedCommands", rejectedCommands);
        figures.put("outboxDepth", outboxDepth);
        figures.put("outboxDropped", outboxDropped);
        figures.put("brokerReconnects", brokerReconnects);
        figures.put("tagsPresent", tagsPresent);
        return Collections.unmodifiableMap(figures);
    }

    /**
     * The health as people and games read it, the one tree that {@code portalctl status}, the bridge's portal
     * document and its game JSON all show: the {@link #figures()} in the same order, except the poll rate, which
     * is {@code pollsPerSecond} in polls per second (a decimal). That name and unit because a rate reads best in
     * its own unit, the game-facing JSON has always published it so (host-bridge/asyncapi.yaml), and status shows
     * either the bridge's copy or a live heartbeat, which must not differ. Times 100 is only how the wire keeps
     * the rate an integer.
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        figures().forEach((name, value) -> {
            if (name.equals("pollsPerSecondX100")) {
                tree.put("pollsPerSecond", pollsPerSecond());
            } else {
                tree.put(name, value);
            }
        });
        return Collections.unmodifiableMap(tree);
    }

    /** Clamps a running counter into the u32 range, so a long-lived device never fails to report. */
    public static long saturate(long value) {
        return Math.max(0, Math.min(value, Check.U32_MAX));
    }
}
