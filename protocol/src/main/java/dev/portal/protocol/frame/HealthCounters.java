package dev.portal.protocol.frame;

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

    /** Clamps a running counter into the u32 range, so a long-lived device never fails to report. */
    public static long saturate(long value) {
        return Math.max(0, Math.min(value, Check.U32_MAX));
    }
}
