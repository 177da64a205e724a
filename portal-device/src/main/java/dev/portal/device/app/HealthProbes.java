package dev.portal.device.app;

import dev.portal.device.firmware.HealthCheck;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** What a freshly updated service must show before its version is kept: the broker took it, its pads poll. */
final class HealthProbes {
    private HealthProbes() {
    }

    static List<HealthCheck.Probe> of(BooleanSupplier brokerConnected, LongSupplier polls, LongSupplier frameFailures) {
        return List.of(probe("broker connected", brokerConnected), advancing("readers polling", polls),
                probe("frames stored", () -> frameFailures.getAsLong() == 0));
    }

    private static HealthCheck.Probe probe(String name, BooleanSupplier check) {
        return new HealthCheck.Probe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean healthy() {
                return check.getAsBoolean();
            }
        };
    }

    /** Healthy when the counter moved since the previous look: a poll loop that hangs does not pass. */
    private static HealthCheck.Probe advancing(String name, LongSupplier counter) {
        AtomicLong seen = new AtomicLong(-1);
        return probe(name, () -> {
            long now = counter.getAsLong();
            long before = seen.getAndSet(now);
            return before >= 0 && now > before;
        });
    }
}
