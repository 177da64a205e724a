package dev.portal.system.support;

import dev.portal.testsupport.Await;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import javax.net.SocketFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A test's own MQTT client: publishes (QoS 1, waiting for window space) and records what it receives. */
public final class MqttProbe implements AutoCloseable {
    public record Received(String topic, byte[] payload) {
        public String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Throwable lost;

    private MqttProbe(MqttAsyncClient client) {
        this.client = client;
    }

    public static MqttProbe connect(String uri, String clientId) throws MqttException {
        return connect(uri, clientId, null, null, null);
    }

    public static MqttProbe connect(String uri, String clientId, String user, String password, SocketFactory sockets)
            throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttProbe probe = new MqttProbe(c);
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                probe.lost = cause;
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                probe.received.add(new Received(topic, message.getPayload()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setConnectionTimeout(10);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        if (sockets != null) {
            o.setSocketFactory(sockets);
        }
        c.connect(o).waitForCompletion(15_000);
        return probe;
    }

    public void subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1).waitForCompletion(10_000);
    }

    /** Publishes at QoS 1; when the window is full, waits for acknowledgements and tries again. */
    public IMqttDeliveryToken publish(String topic, byte[] payload) throws MqttException, InterruptedException {
        while (true) {
            try {
                return client.publish(topic, payload, 1, false);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.sleep(2);
            }
        }
    }

    public void publishAndWait(String topic, byte[] payload) throws MqttException, InterruptedException {
        publish(topic, payload).waitForCompletion(10_000);
    }

    /** Waits until no publish of ours is unacknowledged. */
    public void flush(Duration timeout) {
        Await.until(() -> "acknowledgements of " + client.getPendingDeliveryTokens().length + " publishes",
                () -> client.getPendingDeliveryTokens().length == 0, timeout);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Optional<Received> await(Predicate<Received> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (Received r : received) {
                if (match.test(r)) {
                    return Optional.of(r);
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public Throwable lostCause() {
        return lost;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            // the broker may already be gone
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                // closing anyway
            }
        }
    }
}
