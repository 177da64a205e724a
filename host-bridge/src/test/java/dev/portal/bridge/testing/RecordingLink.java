package dev.portal.bridge.testing;

import dev.portal.link.BrokerLink;
import dev.portal.link.LinkStats;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A BrokerLink with no broker behind it: keeps what is published and confirms a delivery only when the test
 * runs its callback (the broker's PUBACK). Not thread-safe: for tests that drive one thread.
 */
public final class RecordingLink implements BrokerLink {
    /** One publication (its bytes, and as text for JSON), with the callback that tells its sender the broker has it. */
    public record Sent(Topic topic, byte[] payload, Runnable delivered) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private boolean connected = true;

    public List<Sent> sent() {
        return sent;
    }

    public void connected(boolean up) {
        connected = up;
    }

    @Override
    public void connect(Duration timeout) {
    }

    @Override
    public CompletableFuture<Void> publish(Topic topic, byte[] payload, Qos qos, boolean retained) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        sent.add(new Sent(topic, payload.clone(), () -> confirmed.complete(null)));
        return confirmed;
    }

    @Override
    public void subscribe(TopicFilter filter, Qos qos, MessageHandler handler) {
    }

    @Override
    public void unsubscribe(TopicFilter filter) {
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public LinkStats stats() {
        return new LinkStats(1, 0, 0, 0, 0);
    }

    @Override
    public void close() {
    }
}
