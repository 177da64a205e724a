package dev.portal.device.outbox;

/**
 * What the outbox has been through since it was opened.
 *
 * @param depth          records appended and not yet acknowledged
 * @param bytes          bytes on disk in all segments
 * @param droppedRecords unacknowledged records dropped because the journal was full
 * @param tornRecords    records found damaged when the journal was opened (a torn tail after a crash, or rot);
 *                       everything before them was kept
 */
public record OutboxStats(long depth, long bytes, long droppedRecords, long tornRecords, long lastIndex,
                          long ackedIndex, long durableIndex) {
}
