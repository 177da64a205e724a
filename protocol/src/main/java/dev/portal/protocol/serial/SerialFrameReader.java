package dev.portal.protocol.serial;

import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads frames from a byte stream written by {@link SerialFrameWriter}. Garbage, broken packets and frames
 * that fail to decode are skipped, counted per reason and handed to the rejection listener; reading goes on
 * with the next packet. Timeouts are the stream's (a serial port's read timeout surfaces as its IOException).
 */
public final class SerialFrameReader {
    private final InputStream in;
    private final Consumer<FrameException> onRejected;
    private final CobsStreamDecoder decoder = new CobsStreamDecoder();
    private final ArrayDeque<Frame> ready = new ArrayDeque<>();
    private final Map<FrameException.Reason, Long> rejected = new EnumMap<>(FrameException.Reason.class);
    private final byte[] chunk = new byte[512];
    private long frames;
    private boolean atEnd;

    private final CobsStreamDecoder.Sink sink = new CobsStreamDecoder.Sink() {
        @Override
        public void packet(byte[] payload) {
            try {
                ready.add(FrameCodec.decode(payload));
                frames++;
            } catch (FrameException e) {
                reject(e);
            }
        }

        @Override
        public void discarded(FrameException why) {
            reject(why);
        }
    };

    public SerialFrameReader(InputStream in, Consumer<FrameException> onRejected) {
        this.in = in;
        this.onRejected = onRejected;
    }

    public SerialFrameReader(InputStream in) {
        this(in, e -> { });
    }

    private void reject(FrameException e) {
        rejected.merge(e.reason(), 1L, Long::sum);
        onRejected.accept(e);
    }

    /**
     * The next valid frame, blocking as the stream blocks. Empty at end of stream ({@link #atEnd()} then
     * true) and when the stream returns no bytes, as a serial port does when its read timeout expires; the
     * caller decides whether to read again, so this method never spins.
     */
    public Optional<Frame> read() throws IOException {
        while (ready.isEmpty()) {
            int n = in.read(chunk);
            if (n < 0) {
                atEnd = true;
                return Optional.empty();
            }
            if (n == 0) {
                return Optional.empty();
            }
            decoder.feed(chunk, 0, n, sink);
        }
        return Optional.of(ready.poll());
    }

    /** Whether the stream has ended. */
    public boolean atEnd() {
        return atEnd && ready.isEmpty();
    }

    public long framesRead() {
        return frames;
    }

    /** Rejections so far by reason (copy). */
    public Map<FrameException.Reason, Long> rejections() {
        return new EnumMap<>(rejected);
    }
}
