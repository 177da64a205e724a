package dev.portal.device.mqtt;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Frames to publish once more (a host's {@code resend_frames}), handed from the command thread to the
 * {@link OutboxPublisher}'s thread, which publishes them within its in-flight window and acknowledges nothing for
 * them in the outbox. One batch at a time: while a batch has frames waiting or in flight, {@link #offer} refuses
 * the next. A batch meeting a broker that is away is dropped and counted; the host asks again. Thread-safe.
 */
public final class ReplayQueue {
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private int inFlight;
    private long published;
    private long dropped;

    /** Queues {@code frames} unless a batch is still under way; false then, and nothing is queued. */
    public synchronized boolean offer(List<byte[]> frames) {
        if (busy()) {
            return false;
        }
        waiting.addAll(frames);
        return true;
    }

    /** Whether a batch has frames waiting or in flight. */
    public synchronized boolean busy() {
        return !waiting.isEmpty() || inFlight > 0;
    }

    synchronized boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** Takes up to {@code max} frames to publish now, counting them in flight until {@link #completed}. */
    synchronized List<byte[]> take(int max) {
        List<byte[]> out = new java.util.ArrayList<>();
        while (out.size() < max && !waiting.isEmpty()) {
            out.add(waiting.poll());
        }
        inFlight += out.size();
        return out;
    }

    /** One frame taken has been published ({@code ok}: the broker acknowledged it) or has failed. */
    synchronized void completed(boolean ok) {
        inFlight = Math.max(0, inFlight - 1);
        if (ok) {
            published++;
        } else {
            dropped++;
        }
    }

    /**
     * Gives up on the batch: the connection is gone (frames in flight on it will not be confirmed) or the broker
     * is away. Waiting frames are dropped and counted; the next request is free to start.
     */
    synchronized void abandon() {
        dropped += waiting.size() + inFlight;
        waiting.clear();
        inFlight = 0;
    }

    /** Frames published again and acknowledged by the broker since start. */
    public synchronized long published() {
        return published;
    }

    /** Frames given up on since start (no broker, a failed publish). */
    public synchronized long dropped() {
        return dropped;
    }
}
