package dev.portal.bridge.mqtt;

import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * MqttLink on the Paho v3 asynchronous client. Works around Paho's known traps: subscriptions are renewed
 * from our own thread, never inside connectComplete (which deadlocks); the client is always closed in a
 * finally; messages go through the one global callback (per-subscription listeners are not used).
 * Paho's own persistence is memory only: the bridge's reliability comes from acknowledging a message only once
 * its effect is committed (manual acknowledgements) and from idempotent, ordered application.
 */
public final class PahoMqttLink implements MqttLink {
    private static final Logger LOG = LoggerFactory.getLogger(PahoMqttLink.class);
    private static final int MAX_IN_FLIGHT = 4096;
    private static final long FULL_RETRY_MILLIS = 5;
    private static final long FULL_GIVE_UP_MILLIS = 10_000;
    private static final int DISCONNECTED_BUFFER = 50_000;

    private final MqttSettings settings;
    private final AckingHandler handler;
    private final MqttAsyncClient client;
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();
    private final ExecutorService resubscriber;

    /** A link whose messages are acknowledged as soon as {@code handler} returns. */
    public PahoMqttLink(MqttSettings settings, Handler handler) throws MqttLinkException {
        this(settings, (AckingHandler) (topic, payload, retained, ack) -> {
            try {
                handler.onMessage(topic, payload, retained);
            } finally {
                ack.acknowledge();
            }
        });
    }

    /** A link whose handler acknowledges each message itself, when its effect is durable. */
    public PahoMqttLink(MqttSettings settings, AckingHandler handler) throws MqttLinkException {
        this.settings = settings;
        this.handler = handler;
        try {
            this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new MqttLinkException("bad MQTT settings for " + settings.serverUri() + ": " + e.getMessage(), e);
        }
        this.resubscriber = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mqtt-resubscribe-" + settings.clientId());
            thread.setDaemon(true);
            return thread;
        });
        client.setCallback(new Callback());
        client.setManualAcks(true);
    }

    @Override
    public void connect() throws MqttLinkException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(settings.cleanSession());
        options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        options.setKeepAliveInterval(30);
        options.setMaxInflight(MAX_IN_FLIGHT);
        options.setMaxReconnectDelay(5_000);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(options::setPassword);
        settings.will().ifPresent(w -> options.setWill(w.topic(), w.payload(), w.qos(), w.retained()));
        try {
            if (settings.usesTls()) {
                options.setSocketFactory(NoDelaySockets.tls(settings.tlsCaFile().isPresent()
                        ? TlsSockets.trusting(settings.tlsCaFile().get())
                        : javax.net.ssl.SSLContext.getDefault().getSocketFactory()));
            } else {
                options.setSocketFactory(NoDelaySockets.plain());
            }
            client.connect(options).waitForCompletion(settings.connectTimeout().toMillis() + 1_000);
            client.setBufferOpts(disconnectedBuffer());
            LOG.info("connected to {} as {}", settings.serverUri(), settings.clientId());
        } catch (MqttException e) {
            throw new MqttLinkException("cannot connect to " + settings.serverUri() + ": " + e.getMessage(), e);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new MqttLinkException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    /**
     * While the broker is away (a restart takes seconds), what the bridge publishes waits in memory and goes
     * out after the reconnect, rather than being dropped; the retained game topics are rebuilt from the store
     * anyway, but game servers would miss the events.
     */
    private static DisconnectedBufferOptions disconnectedBuffer() {
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(DISCONNECTED_BUFFER);
        buffer.setPersistBuffer(false);
        buffer.setDeleteOldestMessages(true);
        return buffer;
    }

    @Override
    public void subscribe(String filter, int qos) throws MqttLinkException {
        subscriptions.put(filter, qos);
        try {
            client.subscribe(filter, qos).waitForCompletion(settings.connectTimeout().toMillis());
        } catch (MqttException e) {
            throw new MqttLinkException("cannot subscribe to " + filter + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, Runnable delivered)
            throws MqttLinkException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FULL_GIVE_UP_MILLIS);
        while (true) {
            if (qos > 0 && client.isConnected() && client.getInFlightMessageCount() >= MAX_IN_FLIGHT) {
                // the broker is behind: wait for acknowledgements rather than have Paho throw (costly) each try
                if (System.nanoTime() > deadline) {
                    throw new MqttLinkException("cannot publish to " + topic + ": " + MAX_IN_FLIGHT
                            + " messages unacknowledged for " + FULL_GIVE_UP_MILLIS + " ms", null);
                }
                sleep(1);
                continue;
            }
            try {
                MqttMessage message = new MqttMessage(payload);
                message.setQos(qos);
                message.setRetained(retained);
                client.publish(topic, message, null, new Delivered(delivered));
                return;
            } catch (MqttException e) {
                boolean full = e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT;
                if (!full || System.nanoTime() > deadline) {
                    throw new MqttLinkException("cannot publish to " + topic + ": " + e.getMessage(), e);
                }
                sleep(FULL_RETRY_MILLIS); // the broker is behind: wait for acknowledgements to free a window slot
            }
        }
    }

    private static void sleep(long millis) throws MqttLinkException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttLinkException("interrupted while the client's window was full", e);
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        resubscriber.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect from {} failed: {}", settings.serverUri(), e.getMessage());
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("closing the MQTT client failed: {}", e.getMessage());
            }
        }
    }

    /** Paho calls onSuccess when a QoS 1 message's PUBACK arrives. */
    private record Delivered(Runnable then) implements IMqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            try {
                then.run();
            } catch (RuntimeException e) {
                LOG.error("a delivery callback failed", e); // thrown into Paho, it would drop the connection
            }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            // Not delivered: whoever needs the message delivered keeps it and sends it again.
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                LOG.info("reconnected to {}", serverURI);
                resubscriber.execute(PahoMqttLink.this::renewSubscriptions);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warn("lost the connection to {}: {}", settings.serverUri(), cause == null ? "" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Acknowledgement ack = acknowledgement(message);
            try {
                handler.onMessage(topic, message.getPayload(), message.isRetained(), ack);
            } catch (RuntimeException e) {
                // An exception here would make Paho drop the connection; the handler's bugs must not. A message
                // the handler failed on is acknowledged, or the broker would send it again after every reconnect.
                LOG.error("message handler failed on {}", topic, e);
                ack.acknowledge();
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // QoS 1 acknowledgements need no action: publish() does not wait for them.
        }
    }

    private Acknowledgement acknowledgement(MqttMessage message) {
        if (message.getQos() == 0) {
            return Acknowledgement.NONE;
        }
        int id = message.getId();
        int qos = message.getQos();
        AtomicBoolean sent = new AtomicBoolean();
        return () -> {
            if (!client.isConnected()) {
                // Paho would queue this PUBACK ahead of the next CONNECT, and its sender thread stops at a
                // queue that does not start with CONNECT: the reconnect would hang until its timeout. The broker
                // sends the message again after the reconnect; the receiver drops the copy and acknowledges that.
                return;
            }
            if (!sent.compareAndSet(false, true)) {
                return;
            }
            try {
                client.messageArrivedComplete(id, qos);
            } catch (MqttException | RuntimeException e) {
                // Disconnected: the broker keeps the message and sends it again; the receiver drops the copy.
                LOG.debug("could not acknowledge message {}: {}", id, e.toString());
            }
        };
    }

    private void renewSubscriptions() {
        subscriptions.forEach((filter, qos) -> {
            try {
                client.subscribe(filter, qos).waitForCompletion(settings.connectTimeout().toMillis());
            } catch (MqttException e) {
                LOG.warn("renewing the subscription to {} failed: {}", filter, e.getMessage());
            }
        });
    }
}
