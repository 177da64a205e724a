package dev.portal.device.frame;

import dev.portal.device.outbox.Outbox;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns messages into frames of this boot (random boot id, sequence from 0) and appends them to the outbox. The
 * sequence number is taken and the frame appended under one lock, so outbox order is sequence order.
 */
public final class FrameEmitter implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(FrameEmitter.class);

    private final Outbox outbox;
    private final BootClock clock;
    private final long bootId;
    private final AtomicLong failures = new AtomicLong();
    private long sequence;
    private volatile java.util.function.Consumer<byte[]> mirror = b -> { };

    public FrameEmitter(Outbox outbox, BootClock clock, long bootId) {
        this.outbox = outbox;
        this.clock = clock;
        this.bootId = bootId;
    }

    /** A fresh random u32 boot id. */
    public static long newBootId() {
        return new SecureRandom().nextInt() & 0xFFFF_FFFFL;
    }

    public long bootId() {
        return bootId;
    }

    @Override
    public synchronized void emit(Message message) {
        boolean synced = clock.synced();
        Header header = Header.of(bootId, sequence & 0xFFFF_FFFFL, clock.stamp(synced) & 0xFFFF_FFFF_FFFFL, synced);
        byte[] bytes = FrameCodec.encode(new Frame(header, message));
        // The number is spent whether or not the frame is stored: a frame lost to a full disk must show as a gap
        // in the sequence (the host then asks for a Birth), not vanish with its successor taking its number.
        sequence++;
        try {
            outbox.append(bytes);
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("could not store {} frame {} in the outbox: {}", message.type(), header.sequence(), e.toString());
            return;
        }
        try {
            mirror.accept(bytes);
        } catch (RuntimeException e) {
            LOG.warn("could not copy a {} frame to the console: {}", message.type(), e.toString());
        }
    }

    /**
     * Also hands every stored frame, encoded, to {@code copy} (the serial console), in sequence order. The copy
     * is best effort: it must not throw, and it never holds a frame back from the outbox.
     */
    public void mirrorTo(java.util.function.Consumer<byte[]> copy) {
        this.mirror = copy;
    }

    /** Frames that could not be stored (disk failure). */
    public long failures() {
        return failures.get();
    }

    public synchronized long nextSequence() {
        return sequence;
    }
}
