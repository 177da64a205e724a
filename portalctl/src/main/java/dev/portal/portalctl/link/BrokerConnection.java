package dev.portal.portalctl.link;

import dev.portal.device.mqtt.SslFactories;
import dev.portal.device.mqtt.TlsSettings;
import dev.portal.portalctl.cli.BrokerOptions;
import dev.portal.portalctl.cli.PortalctlException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * portalctl's connection to the broker: a clean, short-lived MQTT 3.1.1 session with a fresh client id (a tool
 * run must not leave a session behind). Messages are routed to handlers by topic filter from Paho's one global
 * callback; handlers only queue, never block, and never call back into the client.
 */
public final class BrokerConnection implements AutoCloseable {
    private record Route(String filter, BiConsumer<String, byte[]> handler) {
    }

    private final MqttClient client;
    private final Duration timeout;
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    private BrokerConnection(MqttClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public static BrokerConnection connect(BrokerOptions options) {
        String id = "portalctl-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        MqttClient client;
        try {
            client = new MqttClient(options.broker, id, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw PortalctlException.usage("bad --broker " + options.broker + ": " + e.getMessage());
        }
        BrokerConnection c = new BrokerConnection(client, options.timeout);
        MqttConnectOptions opts = new MqttConnectOptions();
        opts.setCleanSession(true);
        opts.setAutomaticReconnect(false);
        opts.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        opts.setConnectionTimeout((int) Math.max(1, options.timeout.toSeconds()));
        opts.setMaxInflight(256);
        try {
            if (options.username != null) {
                opts.setUserName(options.username);
            }
            options.passwordChars().ifPresent(opts::setPassword);
            if (options.tls()) {
                opts.setSocketFactory(SslFactories.create(new TlsSettings(Optional.ofNullable(options.caFile),
                        Optional.ofNullable(options.certFile), Optional.ofNullable(options.clientKeyFile),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
            }
        } catch (Exception e) {
            close(client);
            throw PortalctlException.usage("TLS/credential set-up failed: " + e.getMessage());
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                c.route("$portalctl/lost", new byte[0]);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                c.route(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        try {
            client.connect(opts);
        } catch (MqttException e) {
            close(client);
            int code = e.getReasonCode();
            if (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION || code == MqttException.REASON_CODE_NOT_AUTHORIZED) {
                throw PortalctlException.failure("broker " + options.broker + " refused the login: " + e.getMessage());
            }
            throw PortalctlException.unreachable("cannot reach broker " + options.broker + ": " + e.getMessage());
        }
        return c;
    }

    /** Registers a handler, then subscribes (so retained messages are not missed). */
    public void subscribe(String filter, BiConsumer<String, byte[]> handler) {
        routes.add(new Route(filter, handler));
        try {
            client.subscribe(filter, 1);
        } catch (MqttException e) {
            throw PortalctlException.unreachable("subscribe to " + filter + " failed: " + e.getMessage());
        }
    }

    public void unsubscribe(String filter) {
        routes.removeIf(r -> r.filter.equals(filter));
        try {
            client.unsubscribe(filter);
        } catch (MqttException e) {
            // the session ends with the tool anyway
        }
    }

    public void publish(String topic, byte[] payload, boolean retained) {
        try {
            MqttMessage m = new MqttMessage(payload);
            m.setQos(1);
            m.setRetained(retained);
            client.getTopic(topic).publish(m).waitForCompletion(timeout.toMillis());
        } catch (MqttException e) {
            throw PortalctlException.unreachable("publish to " + topic + " failed: " + e.getMessage());
        }
    }

    /** Called when the broker connection drops (filter {@code $portalctl/lost}). */
    public void onConnectionLost(Runnable action) {
        routes.add(new Route("$portalctl/lost", (t, p) -> action.run()));
    }

    private void route(String topic, byte[] payload) {
        for (Route r : routes) {
            if (TopicFilter.matches(r.filter, topic)) {
                r.handler.accept(topic, payload);
            }
        }
    }

    @Override
    public void close() {
        close(client);
    }

    private static void close(MqttClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
        } catch (MqttException ignored) {
            // closing anyway
        } finally {
            try {
                client.close();
            } catch (MqttException ignored) {
                // nothing more to release
            }
        }
    }
}
