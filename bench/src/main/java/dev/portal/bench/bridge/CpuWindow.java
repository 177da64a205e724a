package dev.portal.bench.bridge;

import dev.portal.testsupport.Mosquitto;

import java.time.Duration;

/**
 * CPU time spent by this JVM (every client, the bridge, the JIT and the GC) and by the broker process
 * between {@link #open} and {@link #close}. On a machine where they all share the cores, CPU per message is
 * the figure that noise moves least.
 */
final class CpuWindow {
    private final Mosquitto broker;
    private final long jvmStart;
    private final long brokerStart;

    private CpuWindow(Mosquitto broker) {
        this.broker = broker;
        this.jvmStart = jvmNanos();
        this.brokerStart = broker.cpuTime().toNanos();
    }

    static CpuWindow open(Mosquitto broker) {
        return new CpuWindow(broker);
    }

    /** CPU microseconds per message over the window. */
    double close(long messages) {
        long used = (jvmNanos() - jvmStart) + (broker.cpuTime().toNanos() - brokerStart);
        return used / 1000.0 / messages;
    }

    private static long jvmNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
    }
}
