package dev.portal.hardware.sim.pi4j;

import java.util.concurrent.atomic.AtomicLong;

/** Transfers and bytes that went over one modelled bus device; read by tests and benchmarks. Thread-safe. */
public final class BusCounters {
    private final AtomicLong transfers = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    void count(int byteCount) {
        transfers.incrementAndGet();
        bytes.addAndGet(byteCount);
    }

    /** Chip-select assertions (SPI) or bus transactions (I2C). */
    public long transfers() {
        return transfers.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public void reset() {
        transfers.set(0);
        bytes.set(0);
    }
}
