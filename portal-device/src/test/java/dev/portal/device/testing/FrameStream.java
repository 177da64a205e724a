package dev.portal.device.testing;

import dev.portal.link.PortalTopics;
import dev.portal.link.Topic;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Message;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MosquittoSub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Frames as an independent subscriber (mosquitto_sub) received them, decoded; duplicates (same boot and
 * sequence, as QoS 1 allows) are set aside after checking they are byte-for-byte the same frame.
 */
public final class FrameStream {
    private final MosquittoSub sub;
    private final List<Frame> frames = new ArrayList<>();
    private final Map<String, byte[]> seen = new HashMap<>();
    private int duplicates;

    public FrameStream(MosquittoSub sub) {
        this.sub = sub;
    }

    /** Waits until a frame matching {@code until} has arrived (or the timeout passes); returns all so far. */
    public List<Frame> await(Predicate<Message> until, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (frames.stream().noneMatch(f -> until.test(f.message())) && System.currentTimeMillis() < deadline) {
            long wait = Math.max(1, Math.min(200, deadline - System.currentTimeMillis()));
            MosquittoSub.Message m = sub.poll(Duration.ofMillis(wait));
            if (m != null && PortalTopics.parse(Topic.of(m.topic())).map(t -> t.kind() == PortalTopics.Kind.EVENTS).orElse(false)) {
                add(m.payload());
            }
        }
        return List.copyOf(frames);
    }

    /**
     * Waits until {@code until} holds of the frames received so far; once {@code timeout} passes first, fails
     * saying {@code what} was awaited and how many frames had come.
     */
    public List<Frame> await(String what, Predicate<FrameStream> until, Duration timeout) {
        Await.until(() -> what + " (" + frames.size() + " frames received)", () -> {
            for (MosquittoSub.Message m = sub.poll(Duration.ZERO); m != null; m = sub.poll(Duration.ZERO)) {
                if (m.topic().endsWith("/evt")) {
                    add(m.payload());
                }
            }
            return until.test(this);
        }, timeout);
        return List.copyOf(frames);
    }

    public List<Frame> drainFor(long millis) throws InterruptedException {
        return await(m -> false, millis);
    }

    private void add(byte[] payload) {
        Frame f;
        try {
            f = FrameCodec.decode(payload);
        } catch (FrameException e) {
            throw new AssertionError("the broker carried an undecodable frame: " + e.getMessage());
        }
        String key = f.header().bootId() + "/" + f.header().sequence();
        byte[] before = seen.putIfAbsent(key, payload);
        if (before != null) {
            if (!java.util.Arrays.equals(before, payload)) {
                throw new AssertionError("two different frames share boot/seq " + key);
            }
            duplicates++;
            return;
        }
        frames.add(f);
    }

    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    public <T extends Message> List<T> messages(Class<T> type) {
        return frames.stream().map(Frame::message).filter(type::isInstance).map(type::cast).toList();
    }

    public int duplicates() {
        return duplicates;
    }
}
