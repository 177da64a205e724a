package dev.portal.device.health;

import dev.portal.device.frame.EventSink;
import dev.portal.device.mqtt.DeliveryStats;
import dev.portal.device.outbox.OutboxStats;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static dev.portal.protocol.frame.HealthCounters.saturate;

/**
 * Builds one Heartbeat from the counters; the poll rate is measured over the time since the previous one. Reader
 * resets are the service's or, when higher, the drivers' own count (a driver also resets a chip it finds dead
 * in the middle of an operation).
 */
public final class HeartbeatTask implements Runnable {
    private final EventSink sink;
    private final HealthStats health;
    private final Supplier<OutboxStats> outbox;
    private final Supplier<DeliveryStats> delivery;
    private final LongSupplier uptimeMillis;
    private final LongSupplier driverResets;
    private long lastPolls;
    private long lastMillis;
    /** The last heartbeat sent, for readers on other threads (the portal's metrics page). */
    private volatile HealthCounters last;

    public HeartbeatTask(EventSink sink, HealthStats health, Supplier<OutboxStats> outbox,
                         Supplier<DeliveryStats> delivery, LongSupplier uptimeMillis, LongSupplier driverResets) {
        this.driverResets = driverResets;
        this.sink = sink;
        this.health = health;
        this.outbox = outbox;
        this.delivery = delivery;
        this.uptimeMillis = uptimeMillis;
        this.lastMillis = uptimeMillis.getAsLong();
    }

    @Override
    public synchronized void run() {
        HealthCounters counters = counters();
        last = counters;
        sink.emit(new Heartbeat(counters));
    }

    /** The figures of the last heartbeat sent; empty before the first. */
    public java.util.Optional<HealthCounters> last() {
        return java.util.Optional.ofNullable(last);
    }

    public synchronized HealthCounters counters() {
        long now = uptimeMillis.getAsLong();
        long polls = health.polls.get();
        long rateX100 = now > lastMillis ? (polls - lastPolls) * 100_000 / (now - lastMillis) : 0;
        lastPolls = polls;
        lastMillis = now;
        OutboxStats o = outbox.get();
        DeliveryStats d = delivery.get();
        return new HealthCounters(saturate(now / 1000), saturate(rateX100), saturate(health.readErrors.get()),
                saturate(Math.max(health.readerResets.get(), driverResets.getAsLong())), saturate(health.corruptTags.get()),
                saturate(health.rejectedCommands.get()), saturate(o.depth()), saturate(o.lostRecords()),
                saturate(Math.max(0, d.connects() - 1)), saturate(health.tagsPresent.get()));
    }
}
