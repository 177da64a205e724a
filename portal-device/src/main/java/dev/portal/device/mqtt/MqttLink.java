package dev.portal.device.mqtt;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The little the portal needs from an MQTT client. Kept small so Paho (whose 1.2.5 release has known
 * threading bugs) can be swapped without touching the rest of the service. Implementations call the
 * {@link Listener} from their own threads; the listener must hand work off, never block or call back in.
 */
public interface MqttLink extends AutoCloseable {

    interface Listener {
        void connectionLost(Throwable cause);

        void messageArrived(String topic, byte[] payload);
    }

    /** A message the broker publishes for us when the connection dies without a clean disconnect. */
    record Will(String topic, byte[] payload, int qos, boolean retained) {
    }

    void setListener(Listener listener);

    /** Connects (a persistent session: the broker keeps our subscriptions and queued QoS 1 messages). */
    void connect(Will will, Duration timeout) throws MqttLinkException;

    /** Completes when the broker has acknowledged the message (QoS 1), exceptionally if it never will. */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    void subscribe(String topicFilter, int qos, Duration timeout) throws MqttLinkException;

    boolean isConnected();

    /** Disconnects cleanly (the will is not sent). Never throws. */
    void disconnect(Duration timeout);

    /** Releases every thread and socket. Never throws. */
    @Override
    void close();
}
