package dev.portal.link;

/**
 * Counters of one link since it was built.
 *
 * @param connects        successful connections, the first included
 * @param unrouted        messages no subscription matched (acknowledged and dropped)
 * @param handlerFailures messages whose handler threw (acknowledged and dropped)
 * @param staleAcks       acknowledgements made while disconnected, not sent (the broker resends the message)
 * @param inFlight        publishes waiting for the broker now
 */
public record LinkStats(long connects, long unrouted, long handlerFailures, long staleAcks, int inFlight) {
}
