package dev.portal.link;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One MQTT 3.1.1 connection to a broker: the only way any portal module talks MQTT. Build one with
 * {@link #builder()}, {@link #connect(Duration)} it, subscribe with a {@link MessageHandler} that acknowledges
 * each message once its effect is durable, publish with back-pressure, close it.
 *
 * <p>Every message a broker delivers reaches a handler or is counted in {@link LinkStats#unrouted()}; no topic
 * (any well-formed UTF-8) and no handler exception stops the receive path.
 */
public interface BrokerLink extends AutoCloseable {

    static BrokerLinkBuilder builder() {
        return new BrokerLinkBuilder();
    }

    /**
     * Connects, waiting at most {@code timeout}. On failure the link is left disconnected and may be connected
     * again; once connected, a lost connection is re-established by the builder's {@link ReconnectPolicy}.
     */
    void connect(Duration timeout) throws LinkException;

    /**
     * Publishes. The future completes when the broker has acknowledged the message (QoS 1) or once it is
     * written (QoS 0), and exceptionally with a {@link LinkException} if that will not happen. While
     * disconnected (during a reconnect) the message waits in memory for the connection. When
     * {@link BrokerLinkBuilder#maxInFlight(int)} publishes are unconfirmed, the call waits for one to be
     * confirmed, at most {@link BrokerLinkBuilder#publishWait(Duration)}, then fails the future.
     * Completion callbacks run on the network thread: return quickly.
     */
    CompletableFuture<Void> publish(Topic topic, byte[] payload, Qos qos, boolean retained);

    /**
     * {@link #publish}, for callers that must know at once when the link refuses the message (closed, or its
     * window stayed full): throws then. The broker's confirmation is not waited for; the future reports it.
     */
    default CompletableFuture<Void> publishNow(Topic topic, byte[] payload, Qos qos, boolean retained)
            throws LinkException {
        CompletableFuture<Void> sent = publish(topic, payload, qos, retained);
        if (sent.isCompletedExceptionally() && sent.exceptionNow() instanceof LinkException refused) {
            throw refused;
        }
        return sent;
    }

    /**
     * Subscribes (waiting at most the builder's {@link BrokerLinkBuilder#operationTimeout(Duration)} for the
     * broker's SUBACK) and routes what matches {@code filter} to {@code handler}. Register the handler here,
     * not later: retained messages come straight after the SUBACK. A persistent session's subscriptions
     * belong on the builder ({@link BrokerLinkBuilder#subscribe}). Renewed after a reconnect whose broker lost
     * the session. Messages matching several subscriptions reach each; they are acknowledged when all have.
     */
    void subscribe(TopicFilter filter, Qos qos, MessageHandler handler) throws LinkException;

    /** Stops routing {@code filter} and tells the broker; never throws (the session may be gone anyway). */
    void unsubscribe(TopicFilter filter);

    boolean isConnected();

    LinkStats stats();

    /** Disconnects cleanly (the will is not sent) and releases every thread; never throws. */
    @Override
    void close();
}
