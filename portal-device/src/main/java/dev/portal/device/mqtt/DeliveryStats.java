package dev.portal.device.mqtt;

/**
 * Counters of the delivery loop since start.
 *
 * @param republished      frames a host asked for again, published again and acknowledged by the broker
 * @param republishDropped such frames given up on (no broker, a failed publish, a reconnect): the host asks again
 */
public record DeliveryStats(boolean connected, long connects, long connectFailures, long published, long acked,
                            long publishFailures, long republished, long republishDropped) {
}
