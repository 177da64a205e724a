package dev.portal.system.bridge;

import dev.portal.bridge.mqtt.MqttLink;
import dev.portal.bridge.mqtt.MqttLinkException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
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

/**
 * The bridge's MqttLink with manual acknowledgements: a QoS 1 message is acknowledged to the broker only after
 * the bridge has handled it (state committed), so a kill -9 between arrival and commit makes the broker send
 * it again instead of losing it. The shipped PahoMqttLink acknowledges on arrival, before the worker thread
 * has applied the frame.
 */
public final class AckAfterApplyLink implements MqttLink {
    private static final Logger LOG = LoggerFactory.getLogger(AckAfterApplyLink.class);

    /** Handles one message; must call {@code ack} once it is safely applied (on any thread). */
    public interface AckingHandler {
        void onMessage(String topic, byte[] payload, boolean retained, Runnable ack);
    }

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private volatile boolean closed;
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();
    private final ExecutorService resubscriber = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mqtt-resubscribe");
        t.setDaemon(true);
        return t;
    });

    public AckAfterApplyLink(String uri, String clientId, MqttConnectOptions options, AckingHandler handler)
            throws MqttLinkException {
        this.options = options;
        try {
            client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new MqttLinkException("bad MQTT settings for " + uri + ": " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                // subscriptions are renewed by reconnect()
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("lost the broker: {}", cause == null ? "" : cause.getMessage());
                resubscriber.execute(AckAfterApplyLink.this::reconnect);
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                handler.onMessage(topic, m.getPayload(), m.isRetained(), () -> ack(m));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
    }

    /**
     * Our own reconnect loop: Paho's automatic reconnect hung for minutes (CONNECT never sent) after a broker
     * restart while acknowledgements were being sent from the worker thread.
     */
    private void reconnect() {
        long delay = 100;
        while (!closed && !client.isConnected()) {
            try {
                Thread.sleep(delay);
                client.connect(options).waitForCompletion(options.getConnectionTimeout() * 1000L + 1000);
                subscriptions.forEach((f, q) -> {
                    try {
                        client.subscribe(f, q).waitForCompletion(10_000);
                    } catch (MqttException e) {
                        LOG.warn("renewing {} failed: {}", f, e.getMessage());
                    }
                });
                LOG.info("reconnected");
            } catch (MqttException e) {
                LOG.debug("reconnect failed: {}", e.getMessage());
                delay = Math.min(2000, delay * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void ack(MqttMessage m) {
        if (!client.isConnected()) {
            return; // the broker sends it again after the reconnect; the bridge drops the duplicate
        }
        try {
            client.messageArrivedComplete(m.getId(), m.getQos());
        } catch (MqttException e) {
            // The connection is gone: the broker sends the message again, and the bridge drops the duplicate.
            LOG.debug("ack of message {} not sent: {}", m.getId(), e.getMessage());
        }
    }

    @Override
    public void connect() throws MqttLinkException {
        try {
            client.connect(options).waitForCompletion(options.getConnectionTimeout() * 1000L + 1000);
        } catch (MqttException e) {
            throw new MqttLinkException("cannot connect: " + e.getMessage(), e);
        }
    }

    @Override
    public void subscribe(String filter, int qos) throws MqttLinkException {
        subscriptions.put(filter, qos);
        try {
            client.subscribe(filter, qos).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new MqttLinkException("cannot subscribe to " + filter + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttLinkException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                client.publish(topic, payload, qos, retained);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > deadline) {
                    throw new MqttLinkException("cannot publish to " + topic + ": " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new MqttLinkException("interrupted", ie);
                }
            }
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        closed = true;
        resubscriber.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect: {}", e.getMessage());
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("close: {}", e.getMessage());
            }
        }
    }
}
