package dev.portal.device.testing;

import dev.portal.device.frame.BootClock;
import dev.portal.device.frame.FrameEmitter;
import dev.portal.device.outbox.Outbox;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;

import java.util.Arrays;

/** Frames a portal made and its broker acknowledged, put into an outbox the way the service and publisher do. */
public final class DeliveredFrames {
    private DeliveredFrames() {
    }

    /**
     * Emits {@code count} Heartbeats of boot {@code bootId} into {@code outbox} (sequence 0.., uptime = sequence)
     * and acknowledges every one of them except the sequences in {@code undelivered}.
     */
    public static void emit(Outbox outbox, long bootId, int count, long... undelivered) throws InterruptedException {
        FrameEmitter emitter = new FrameEmitter(outbox, new BootClock(true), bootId);
        long first = outbox.nextIndex();
        for (int i = 0; i < count; i++) {
            emitter.emit(new Heartbeat(new HealthCounters(i, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        }
        if (!outbox.awaitDurable(first + count - 1, 5000)) {
            throw new AssertionError("frames not durable within 5 s: " + outbox.stats());
        }
        for (int i = 0; i < count; i++) {
            long seq = i;
            if (Arrays.stream(undelivered).noneMatch(u -> u == seq)) {
                outbox.acknowledge(first + i);
            }
        }
    }
}
