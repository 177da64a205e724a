package dev.portal.link;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link BrokerLink} on the HiveMQ MQTT client (MQTT 3.1.1, asynchronous API). The client decodes any
 * well-formed UTF-8 topic; messages go through one global flow with manual acknowledgement to a single inbound
 * thread of ours, so handlers never run on (nor block) Netty's event loop. Reconnects are driven from the
 * disconnected listener with our own jittered backoff; the client renews subscriptions when the broker lost
 * the session. TCP_NODELAY is Netty's default for socket channels on Linux.
 */
final class HiveMqLink implements BrokerLink {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqLink.class);

    private final LinkSettings settings;
    private final Mqtt3AsyncClient client;
    private final PublishWindow window;
    private static final String SHARED_PREFIX = "$share/";
    /** The shared filters subscribed to, renewed when a session resumes ({@link #renewShared}). */
    private final java.util.Map<TopicFilter, Qos> shared = new java.util.concurrent.ConcurrentHashMap<>();
    private final Routes routes = new Routes();
    private final ExecutorService inbound;
    private final Backoff backoff;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong unrouted = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicLong staleAcks = new AtomicLong();
    private volatile boolean connected;
    private volatile boolean wanted;
    private volatile boolean everConnected;
    private volatile boolean closed;

    HiveMqLink(LinkSettings settings) throws LinkException {
        this.settings = settings;
        this.window = new PublishWindow(settings.maxInFlight());
        this.backoff = settings.reconnect().backoff();
        Mqtt3ClientBuilder builder = MqttClient.builder().useMqttVersion3()
                .identifier(settings.clientId())
                .serverHost(settings.server().host())
                .serverPort(settings.server().port())
                .addConnectedListener(this::onConnected)
                .addDisconnectedListener(this::onDisconnected);
        if (settings.tls().isPresent()) {
            builder = builder.sslConfig(sslConfig(settings.tls().get()));
        }
        this.client = builder.buildAsync();
        // One thread keeps messages in order. Work the client hands over after close() (the end of its flows)
        // is dropped rather than rejected with an exception on Netty's thread.
        this.inbound = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().name("link-in-" + settings.clientId()).daemon(true).unstarted(r),
                new ThreadPoolExecutor.DiscardPolicy());
        settings.subscriptions().forEach(s -> routes.add(s.filter(), s.handler()));
        // Registered before connecting so the messages a persistent session holds are not missed.
        client.publishes(MqttGlobalPublishFilter.ALL, this::onPublish, inbound, true);
    }

    private static MqttClientSslConfig sslConfig(TlsConfig tls) throws LinkException {
        try {
            MqttClientSslConfigBuilder builder = MqttClientSslConfig.builder().trustManagerFactory(TlsMaterial.trust(tls));
            var keys = TlsMaterial.keys(tls);
            if (keys.isPresent()) {
                builder = builder.keyManagerFactory(keys.get());
            }
            return builder.build();
        } catch (IOException | GeneralSecurityException e) {
            throw new LinkException("TLS set-up failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void connect(Duration timeout) throws LinkException {
        if (closed) {
            throw new LinkException("the link to " + settings.server() + " is closed", null);
        }
        if (connected) {
            return;
        }
        Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> connect = client.connectWith()
                .cleanSession(settings.cleanSession())
                .keepAlive((int) Math.max(1, Math.min(65_535, settings.keepAlive().toSeconds())));
        if (settings.username().isPresent()) {
            var auth = Mqtt3SimpleAuth.builder().username(settings.username().get());
            connect = connect.simpleAuth(settings.password().map(auth::password).orElse(auth).build());
        }
        if (settings.will().isPresent()) {
            Will w = settings.will().get();
            connect = connect.willPublish().topic(w.topic().value()).payload(w.payload()).qos(qos(w.qos()))
                    .retain(w.retained()).applyWillPublish();
        }
        wanted = true;
        boolean ok = false;
        try {
            Mqtt3ConnAck ack = connect.send().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            LOG.info("connected to {} as {} (session present: {})", settings.server(), settings.clientId(),
                    ack.isSessionPresent());
            for (LinkSettings.Subscription s : settings.subscriptions()) {
                requestSubscription(s.filter(), s.qos());
            }
            ok = true;
        } catch (TimeoutException e) {
            throw new LinkException("no answer from " + settings.server() + " within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new LinkException("cannot connect to " + settings.server() + ": " + cause.getMessage(), cause,
                    cause instanceof Mqtt3ConnAckException);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted while connecting to " + settings.server(), e);
        } finally {
            if (!ok) {
                wanted = false;
                client.disconnect(); // abandons an attempt still under way; completes exceptionally otherwise
            }
        }
    }

    private void onConnected(MqttClientConnectedContext context) {
        if (!wanted || closed) {
            client.disconnect(); // a connect that outlived its caller's timeout
            return;
        }
        boolean sessionPresent = context instanceof Mqtt3ClientConnectedContext c
                && c.getConnAck().isSessionPresent();
        connected = true;
        everConnected = true;
        connects.incrementAndGet();
        synchronized (backoff) {
            backoff.reset();
        }
        if (sessionPresent) {
            renewShared();
        }
        inbound.execute(() -> notifyListener(() -> settings.listener().connected(sessionPresent)));
    }

    /**
     * Subscribes again to the shared filters of a resumed session: Mosquitto 2.0 restores a persistent session
     * after its restart without its $share subscriptions, so a member that trusted the session would hear
     * nothing of its group again. (Plain filters are not renewed: subscribing again would resend every retained
     * message they match.) Asynchronous: this runs on the client's own thread, which must not wait for a SUBACK.
     */
    private void renewShared() {
        shared.forEach((filter, qos) -> client.subscribeWith().topicFilter(filter.value()).qos(qos(qos)).send()
                .whenComplete((ack, error) -> {
                    if (error != null || ack.getReturnCodes().contains(Mqtt3SubAckReturnCode.FAILURE)) {
                        LOG.warn("could not renew the shared subscription {}: {}", filter,
                                error != null ? error.toString() : "refused");
                    }
                }));
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        boolean was = connected;
        connected = false;
        Throwable cause = context.getCause();
        if (was && !closed) {
            LOG.warn("lost the connection to {}: {}", settings.server(), cause.getMessage());
            inbound.execute(() -> notifyListener(() -> settings.listener().lost(cause)));
        }
        if (wanted && everConnected && !closed && settings.reconnect().enabled()
                && context.getSource() != MqttDisconnectSource.USER) {
            long delay;
            synchronized (backoff) {
                delay = backoff.nextDelayMillis();
            }
            context.getReconnector().reconnect(true)
                    .resubscribeIfSessionExpired(true)
                    .republishIfSessionExpired(true) // what waited is sent on the new session
                    .delay(delay, TimeUnit.MILLISECONDS);
        }
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("connection listener of {} failed", settings.clientId(), e);
        }
    }

    @Override
    public CompletableFuture<Void> publish(Topic topic, byte[] payload, Qos qos, boolean retained) {
        if (closed) {
            return CompletableFuture.failedFuture(new LinkException("the link is closed", null));
        }
        try {
            if (!window.enter(settings.publishWait())) {
                return CompletableFuture.failedFuture(new LinkException("cannot publish to " + topic + ": "
                        + settings.maxInFlight() + " publishes unconfirmed for "
                        + settings.publishWait().toMillis() + " ms", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new LinkException("interrupted waiting to publish", e));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.publishWith().topic(topic.value()).qos(qos(qos)).payload(payload).retain(retained).send()
                    .whenComplete((sent, error) -> {
                        window.leave();
                        if (error == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(new LinkException("publish to " + topic + " failed: "
                                    + error.getMessage(), error));
                        }
                    });
        } catch (RuntimeException e) {
            window.leave();
            done.completeExceptionally(new LinkException("publish to " + topic + " failed: " + e.getMessage(), e));
        }
        return done;
    }

    @Override
    public void subscribe(TopicFilter filter, Qos qos, MessageHandler handler) throws LinkException {
        routes.add(filter, handler); // before the SUBACK: retained messages follow it at once
        boolean ok = false;
        try {
            requestSubscription(filter, qos);
            ok = true;
        } finally {
            if (!ok) {
                routes.remove(filter, handler);
            }
        }
    }

    private void requestSubscription(TopicFilter filter, Qos qos) throws LinkException {
        try {
            Mqtt3SubAck ack = client.subscribeWith().topicFilter(filter.value()).qos(qos(qos)).send()
                    .get(settings.operationTimeout().toNanos(), TimeUnit.NANOSECONDS);
            if (ack.getReturnCodes().contains(Mqtt3SubAckReturnCode.FAILURE)) {
                throw new LinkException("the broker refused the subscription to " + filter, null, true);
            }
            if (filter.value().startsWith(SHARED_PREFIX)) {
                shared.put(filter, qos);
            }
        } catch (TimeoutException e) {
            throw new LinkException("no SUBACK for " + filter + " within "
                    + settings.operationTimeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new LinkException("cannot subscribe to " + filter + ": " + e.getCause().getMessage(), e.getCause(),
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted subscribing to " + filter, e);
        }
    }

    @Override
    public void unsubscribe(TopicFilter filter) {
        routes.removeAll(filter);
        shared.remove(filter);
        try {
            client.unsubscribeWith().topicFilter(filter.value()).send()
                    .get(settings.operationTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("unsubscribe from {}: {}", filter, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the inbound thread, one message at a time. */
    private void onPublish(Mqtt3Publish publish) {
        Qos qos = publish.getQos() == MqttQos.AT_MOST_ONCE ? Qos.AT_MOST_ONCE : Qos.AT_LEAST_ONCE;
        Acknowledgement ack = qos == Qos.AT_MOST_ONCE ? Acknowledgement.NONE : guarded(publish);
        Topic topic;
        try {
            topic = Topic.of(publish.getTopic().toString());
        } catch (IllegalArgumentException e) {
            unrouted.incrementAndGet(); // not possible from a conforming broker; never worth a crash
            ack.acknowledge();
            return;
        }
        List<MessageHandler> handlers = routes.matching(topic);
        if (handlers.isEmpty()) {
            unrouted.incrementAndGet();
            LOG.debug("no subscription of {} matches {}; dropped", settings.clientId(), topic);
            ack.acknowledge();
            return;
        }
        InboundMessage message = new InboundMessage(topic, publish.getPayloadAsBytes(), qos, publish.isRetain());
        SharedAck shared = new SharedAck(handlers.size(), ack);
        for (MessageHandler handler : handlers) {
            Acknowledgement part = shared.part();
            try {
                handler.onMessage(message, part);
            } catch (RuntimeException e) {
                // One bad message or handler bug must neither stop the link nor come back after every
                // reconnect: counted, logged, acknowledged.
                handlerFailures.incrementAndGet();
                LOG.error("handler of {} failed on {}", settings.clientId(), topic, e);
                part.acknowledge();
            }
        }
    }

    /**
     * The PUBACK of this message, sent only on the connection it came on. The client enforces that itself: it
     * drops an acknowledgement when there is no channel or when the message's connection index is not the
     * current one (MqttIncomingQosHandler.ack), because after a reconnect its packet id may name another
     * message; the broker sends this one again anyway and the receiver drops the copy. Checking our own
     * connection count instead would race with the redelivery, which can reach us before the connected event.
     */
    private Acknowledgement guarded(Mqtt3Publish publish) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            if (!connected) {
                staleAcks.incrementAndGet();
            }
            try {
                publish.acknowledge();
            } catch (RuntimeException e) {
                LOG.debug("acknowledging a message on {} failed: {}", publish.getTopic(), e.toString());
            }
        };
    }

    private static MqttQos qos(Qos qos) {
        return qos == Qos.AT_MOST_ONCE ? MqttQos.AT_MOST_ONCE : MqttQos.AT_LEAST_ONCE;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public LinkStats stats() {
        return new LinkStats(connects.get(), unrouted.get(), handlerFailures.get(), staleAcks.get(),
                window.inFlight());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        wanted = false;
        try {
            client.disconnect().get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("disconnect from {}: {}", settings.server(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inbound.shutdown();
        }
    }
}
