package dev.portal.device.frame;

import dev.portal.device.outbox.Outbox;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * The frames of one boot that the broker acknowledged and the outbox still keeps, picked by sequence for a
 * {@code resend_frames} request and marked {@code REPLAYED}. The outbox knows bytes only; the frame header is
 * read here.
 */
public final class KeptFrames {
    private final Outbox outbox;

    public KeptFrames(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * The kept frames of {@code bootId} with {@code fromSeq <= sequence <= toSeq}, in sequence order, each
     * encoded again with the REPLAYED flag set.
     */
    public List<byte[]> find(long bootId, long fromSeq, long toSeq) throws IOException {
        return outbox.delivered(payload -> {
            Frame f = decode(payload);
            return f != null && f.header().bootId() == bootId && f.header().sequence() >= fromSeq
                    && f.header().sequence() <= toSeq;
        }).stream().map(KeptFrames::decode)
                .sorted(Comparator.comparingLong(f -> f.header().sequence()))
                .map(f -> FrameCodec.encode(new Frame(f.header().withReplayed(true), f.message())))
                .toList();
    }

    /** A record that is not a frame (none should be) is never resent. */
    private static Frame decode(byte[] payload) {
        try {
            return FrameCodec.decode(payload);
        } catch (FrameException e) {
            return null;
        }
    }
}
