package dev.portal.device.outbox;

/**
 * What the outbox has been through since it was opened.
 *
 * @param depth          records appended and not yet acknowledged
 * @param bytes          bytes on disk in all segments
 * @param droppedRecords unacknowledged records dropped because the journal was full
 * @param failedAppends  records the disk refused (full, or failing): lost before they were stored
 * @param tornRecords    records found damaged when the journal was opened (a torn tail after a crash, or rot in
 *                       the middle of a file); the intact records before and after them were kept
 * @param keptBytes      bytes of delivered segments kept for resend requests (within
 *                       {@link OutboxSettings#keepDeliveredBytes()})
 * @param evictedDelivered delivered records the full policy dropped before their time: not a loss, the broker
 *                       has them, but a resend request can no longer find them
 */
public record OutboxStats(long depth, long bytes, long droppedRecords, long failedAppends, long tornRecords,
                          long lastIndex, long ackedIndex, long durableIndex, long keptBytes, long evictedDelivered) {
    /** Records lost while the service ran (a full journal, a refusing disk): the Heartbeat's "outbox dropped". */
    public long lostRecords() {
        return droppedRecords + failedAppends;
    }
}
