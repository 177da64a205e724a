package dev.portal.bridge.ingest;

import dev.portal.protocol.frame.Header;

import java.time.Duration;

/**
 * The time the bridge stamps a frame with (protocol/SPEC.md, Time): a CLOCK_SYNCED time is the device's own,
 * but only within {@code skew} of the bridge's receive time: a clock that claims to be synchronised and says 2100
 * (or 1970) is clamped to the nearest time within the skew, so it can neither date sessions decades away nor
 * reorder them beyond it. A boot-relative time is no date: such a frame gets the receive time.
 */
final class DeviceClock {
    private final long skewMillis;

    DeviceClock(Duration skew) {
        this.skewMillis = skew.toMillis();
    }

    long stamp(Header header, long receivedMillis) {
        if (!header.clockSynced()) {
            return receivedMillis;
        }
        return Math.clamp(header.timestampMillis(), receivedMillis - skewMillis, receivedMillis + skewMillis);
    }

    /** Whether {@link #stamp} moves this frame's own time. */
    boolean clamps(Header header, long receivedMillis) {
        return header.clockSynced() && stamp(header, receivedMillis) != header.timestampMillis();
    }
}
