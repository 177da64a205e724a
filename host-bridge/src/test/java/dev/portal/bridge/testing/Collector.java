package dev.portal.bridge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.BrokerLinkBuilder;
import dev.portal.link.InboundMessage;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's MQTT client: publishes, and collects what its subscriptions receive. */
public final class Collector implements AutoCloseable {
    public record Received(String topic, byte[] payload, boolean retained) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The payload as JSON (every game topic carries JSON). */
        public JsonNode json() {
            try {
                return GameJson.MAPPER.readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON on " + topic + ": " + text(), e);
            }
        }
    }

    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final List<Received> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<Integer> taken = new java.util.HashSet<>();
    private final BrokerLink link;

    public Collector(String serverUri, String... filters) throws LinkException {
        BrokerLinkBuilder builder = BrokerSettings.plain(serverUri, "collector-" + System.nanoTime()).linkBuilder();
        for (String filter : filters) {
            builder.subscribe(TopicFilter.of(filter), Qos.AT_LEAST_ONCE, MessageHandler.autoAck(this::collect));
        }
        link = builder.build();
        link.connect(Duration.ofSeconds(10));
    }

    private void collect(InboundMessage message) {
        Received received = new Received(message.topic().value(), message.payload(), message.retained());
        synchronized (all) {
            all.add(received);
            all.notifyAll();
        }
        queue.add(received);
    }

    /** Publishes at QoS 1 and returns once the broker has it. */
    public void publish(String topic, byte[] payload) throws LinkException {
        try {
            link.publish(Topic.of(topic), payload, Qos.AT_LEAST_ONCE, false).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new LinkException("publish to " + topic + " not confirmed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted", e);
        }
    }

    public void publish(String topic, String payload) throws LinkException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The earliest message not yet returned by an await that matches {@code test}, waiting for it if needed.
     * Messages that do not match stay available to later awaits.
     */
    public Received await(Predicate<Received> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (all) {
            while (true) {
                for (int i = 0; i < all.size(); i++) {
                    if (!taken.contains(i) && test.test(all.get(i))) {
                        taken.add(i);
                        return all.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    List<String> seen = all.stream().map(r -> r.topic() + " "
                            + (r.text().length() > 300 ? r.text().substring(0, 300) : r.text())).toList();
                    throw new AssertionError("nothing matching within " + timeout + "; received " + seen);
                }
                all.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public Received await(String topic, String contains, Duration timeout) throws InterruptedException {
        return await(r -> r.topic().equals(topic) && r.text().contains(contains), timeout);
    }

    public List<Received> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** Waits until no message arrived for {@code quiet}. */
    public void drain(Duration quiet) throws InterruptedException {
        while (queue.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) != null) {
            // keep draining
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
