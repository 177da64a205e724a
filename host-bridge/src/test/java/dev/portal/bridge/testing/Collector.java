package dev.portal.bridge.testing;

import dev.portal.bridge.mqtt.MqttLink;
import dev.portal.bridge.mqtt.MqttLinkException;
import dev.portal.bridge.mqtt.MqttSettings;
import dev.portal.bridge.mqtt.PahoMqttLink;

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
    }

    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final List<Received> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final MqttLink link;

    public Collector(String serverUri, String... filters) throws MqttLinkException {
        link = new PahoMqttLink(MqttSettings.plain(serverUri, "collector-" + System.nanoTime()), (t, p, r) -> {
            Received received = new Received(t, p, r);
            all.add(received);
            queue.add(received);
        });
        link.connect();
        for (String filter : filters) {
            link.subscribe(filter, 1);
        }
    }

    public void publish(String topic, byte[] payload) throws MqttLinkException {
        link.publish(topic, payload, 1, false);
    }

    public void publish(String topic, String payload) throws MqttLinkException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The next message matching {@code test}; those that do not match are skipped (but kept in all()). */
    public Received await(Predicate<Received> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Received next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("nothing matching within " + timeout + "; skipped " + skipped);
            }
            if (test.test(next)) {
                return next;
            }
            skipped.add(next.topic() + " " + (next.text().length() > 200 ? next.text().substring(0, 200) : next.text()));
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
