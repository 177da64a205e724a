package dev.portal.system.support;

import dev.portal.link.BrokerLink;
import dev.portal.link.BrokerLinkBuilder;
import dev.portal.link.ConnectionListener;
import dev.portal.link.InboundMessage;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.TlsConfig;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A test's own MQTT client: publishes (QoS 1, waiting for window space) and records what it receives. */
public final class MqttProbe implements AutoCloseable {
    /** @param atNanos when it arrived, by System.nanoTime() (for latencies) */
    public record Received(String topic, byte[] payload, long atNanos) {
        public String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final List<Received> received = new ArrayList<>();
    private final Queue<CompletableFuture<Void>> pending = new ConcurrentLinkedQueue<>();
    private volatile Throwable lost;
    private BrokerLink link;

    private MqttProbe() {
    }

    public static MqttProbe connect(String uri, String clientId) throws LinkException {
        return connect(uri, clientId, null, null, null);
    }

    /** {@code tls} null means plain MQTT (or the JVM's CAs for ssl://). */
    public static MqttProbe connect(String uri, String clientId, String user, String password, TlsConfig tls)
            throws LinkException {
        return connect(uri, clientId, user, password, tls, null);
    }

    /**
     * A persistent session (cleanSession=false), as a portal keeps, subscribed to {@code filter} from the
     * connect on: what the broker kept for the session arrives right after the CONNACK.
     */
    public static MqttProbe connectPersistent(String uri, String clientId, String user, String password,
                                              TlsConfig tls, String filter) throws LinkException {
        return connect(uri, clientId, user, password, tls, filter);
    }

    private static MqttProbe connect(String uri, String clientId, String user, String password, TlsConfig tls,
                                     String persistentFilter) throws LinkException {
        MqttProbe probe = new MqttProbe();
        BrokerLinkBuilder builder = BrokerLink.builder().serverUri(uri).clientId(clientId)
                .cleanSession(persistentFilter == null)
                .maxInFlight(1000).publishWait(Duration.ofSeconds(30))
                .listener(new ConnectionListener() {
                    @Override
                    public void lost(Throwable cause) {
                        probe.lost = cause;
                    }
                });
        if (persistentFilter != null) {
            builder.subscribe(TopicFilter.of(persistentFilter), Qos.AT_LEAST_ONCE, MessageHandler.autoAck(probe::record));
        }
        if (user != null) {
            builder.credentials(user, password.toCharArray());
        }
        if (tls != null) {
            builder.tls(tls);
        }
        probe.link = builder.build();
        try {
            probe.link.connect(Duration.ofSeconds(15));
        } catch (LinkException e) {
            probe.link.close();
            throw e;
        }
        return probe;
    }

    public void subscribe(String filter) throws LinkException {
        link.subscribe(TopicFilter.of(filter), Qos.AT_LEAST_ONCE, MessageHandler.autoAck(this::record));
    }

    private void record(InboundMessage m) {
        synchronized (received) {
            received.add(new Received(m.topic().value(), m.payload(), System.nanoTime()));
            received.notifyAll();
        }
    }

    /** Publishes at QoS 1; when the window is full, the link waits for acknowledgements. */
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        CompletableFuture<Void> sent = link.publish(Topic.of(topic), payload, Qos.AT_LEAST_ONCE, false);
        pending.add(sent);
        sent.whenComplete((v, e) -> pending.remove(sent));
        return sent;
    }

    public void publishAndWait(String topic, byte[] payload) throws Exception {
        publish(topic, payload).get(10, TimeUnit.SECONDS);
    }

    /** A retained publish at QoS 1, waiting for the broker's acknowledgement (which a refused one gets too). */
    public void publishRetainedAndWait(String topic, byte[] payload) throws Exception {
        link.publish(Topic.of(topic), payload, Qos.AT_LEAST_ONCE, true).get(10, TimeUnit.SECONDS);
    }

    /** Waits until no publish of ours is unacknowledged. */
    public void flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<Void> f : List.copyOf(pending)) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return; // failed or still out: the caller looks at what arrived
            }
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public Optional<Received> await(Predicate<Received> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (Received r : received) {
                    if (match.test(r)) {
                        return Optional.of(r);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
        }
    }

    public boolean isConnected() {
        return link.isConnected();
    }

    public Throwable lostCause() {
        return lost;
    }

    @Override
    public void close() {
        link.close();
    }
}
