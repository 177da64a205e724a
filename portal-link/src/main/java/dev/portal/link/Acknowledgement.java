package dev.portal.link;

/**
 * Tells the broker one message is handled (a PUBACK for QoS 1). Call it once what the message caused is
 * durable. Idempotent, callable from any thread, and harmless once the connection it came on is gone: then
 * nothing is sent (the broker sends the message again after the reconnect, and the receiver drops the copy).
 */
@FunctionalInterface
public interface Acknowledgement {
    Acknowledgement NONE = () -> { };

    void acknowledge();
}
