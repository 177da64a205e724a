package dev.portal.bridge.mqtt;

/**
 * The bridge's view of an MQTT connection, small enough that the client library behind it can be replaced.
 * Subscriptions are remembered and renewed after every reconnect.
 */
public interface MqttLink extends AutoCloseable {

    /** Connects, waiting at most the settings' connect timeout; afterwards the link reconnects by itself. */
    void connect() throws MqttLinkException;

    /** Subscribes now (if connected) and again after every reconnect. */
    void subscribe(String filter, int qos) throws MqttLinkException;

    /** Hands a message to the client without waiting for the broker's acknowledgement. */
    default void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttLinkException {
        publish(topic, payload, qos, retained, () -> { });
    }

    /**
     * Hands a message to the client without waiting; {@code delivered} runs on a client thread once the broker
     * has acknowledged it (QoS 1), or once it is written (QoS 0). It never runs for a message lost with the
     * connection or the process.
     */
    void publish(String topic, byte[] payload, int qos, boolean retained, Runnable delivered)
            throws MqttLinkException;

    boolean isConnected();

    @Override
    void close();

    /**
     * Receives every message of every subscription, on the client's thread: return quickly. The message is
     * acknowledged to the broker when this returns.
     */
    @FunctionalInterface
    interface Handler {
        void onMessage(String topic, byte[] payload, boolean retained);
    }

    /**
     * Receives every message of every subscription, on the client's thread, and acknowledges each itself
     * (from any thread) once what it did with it is durable. Until then the broker keeps the message and sends
     * it again after a reconnect, so a process killed in between loses nothing: the receiver must drop the
     * copies it already handled.
     */
    @FunctionalInterface
    interface AckingHandler {
        void onMessage(String topic, byte[] payload, boolean retained, Acknowledgement acknowledgement);
    }

    /** Tells the broker one QoS 1 message is handled; idempotent, and harmless after the link is gone. */
    @FunctionalInterface
    interface Acknowledgement {
        void acknowledge();

        Acknowledgement NONE = () -> { };
    }
}
