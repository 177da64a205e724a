package dev.portal.device.mqtt;

/** Counters of the delivery loop since start. */
public record DeliveryStats(boolean connected, long connects, long connectFailures, long published, long acked,
                            long publishFailures) {
}
