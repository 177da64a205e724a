package dev.portal.device.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@link MqttLink} on the Paho v3 asynchronous client. QoS 1 with a persistent session; Paho keeps in-flight
 * messages in memory only, because the portal's own outbox is the durable store. Paho's automatic reconnect is
 * off: the caller reconnects with its own backoff, from its own thread (never from a Paho callback, where a
 * subscribe can deadlock). A client that failed to connect is closed (in a finally) and a new one created
 * for the next attempt, so a half-dead Paho instance never lingers.
 */
public final class PahoMqttLink implements MqttLink {
    private static final Logger LOG = LoggerFactory.getLogger(PahoMqttLink.class);

    private final MqttSettings settings;
    private volatile Listener listener;
    private MqttAsyncClient client;

    public PahoMqttLink(MqttSettings settings) {
        this.settings = settings;
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void connect(Will will, Duration timeout) throws MqttLinkException {
        MqttConnectOptions opts = new MqttConnectOptions();
        opts.setCleanSession(false);
        opts.setAutomaticReconnect(false);
        opts.setKeepAliveInterval((int) Math.max(1, settings.keepAlive().toSeconds()));
        opts.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        opts.setMaxInflight(settings.maxInflight());
        opts.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        settings.username().ifPresent(opts::setUserName);
        settings.password().ifPresent(opts::setPassword);
        if (will != null) {
            opts.setWill(will.topic(), will.payload(), will.qos(), will.retained());
        }
        try {
            if (settings.tls().isPresent()) {
                opts.setSocketFactory(SslFactories.create(settings.tls().get()));
            }
        } catch (Exception e) {
            throw new MqttLinkException("TLS set-up failed: " + e.getMessage(), e);
        }
        boolean ok = false;
        try {
            if (client == null) {
                client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
                client.setCallback(new Callback());
            }
            client.connect(opts).waitForCompletion(timeout.toMillis() + 1000);
            ok = client.isConnected();
            if (!ok) {
                throw new MqttLinkException("connect to " + settings.serverUri() + " timed out", null);
            }
        } catch (MqttException e) {
            throw new MqttLinkException("connect to " + settings.serverUri() + " failed: " + e.getMessage(), e);
        } finally {
            if (!ok) {
                closeClient();
            }
        }
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttAsyncClient c;
        synchronized (this) {
            c = client;
        }
        if (c == null) {
            done.completeExceptionally(new MqttLinkException("not connected", null));
            return done;
        }
        try {
            MqttMessage msg = new MqttMessage(payload);
            msg.setQos(qos);
            msg.setRetained(retained);
            c.publish(topic, msg, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    done.completeExceptionally(cause);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void subscribe(String topicFilter, int qos, Duration timeout) throws MqttLinkException {
        MqttAsyncClient c;
        synchronized (this) {
            c = client;
        }
        if (c == null) {
            throw new MqttLinkException("not connected", null);
        }
        try {
            IMqttToken t = c.subscribe(topicFilter, qos);
            t.waitForCompletion(timeout.toMillis());
            int[] granted = t.getGrantedQos();
            if (granted != null && granted.length > 0 && granted[0] == 0x80) {
                throw new MqttLinkException("broker refused subscription to " + topicFilter, null);
            }
        } catch (MqttException e) {
            throw new MqttLinkException("subscribe " + topicFilter + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean isConnected() {
        return client != null && client.isConnected();
    }

    @Override
    public synchronized void disconnect(Duration timeout) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis() + 500);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect: {}", e.toString());
        } finally {
            closeClient();
        }
    }

    /** After a lost connection Paho's instance is dropped and a fresh one made at the next connect. */
    public synchronized void discard() {
        closeClient();
    }

    private void closeClient() {
        MqttAsyncClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 500, false);
            }
        } catch (MqttException e) {
            LOG.debug("forced disconnect: {}", e.toString());
        } finally {
            try {
                c.close(true);
            } catch (MqttException e) {
                LOG.debug("close: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        disconnect(Duration.ofSeconds(1));
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            Listener l = listener;
            if (l != null) {
                l.connectionLost(cause);
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Listener l = listener;
            if (l != null) {
                l.messageArrived(topic, message.getPayload());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // completion is reported through each publish's own action listener
        }
    }
}
