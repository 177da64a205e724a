package dev.portal.link;

/**
 * Receives the messages of a subscription, one at a time and in order, on the link's inbound thread (not the
 * network thread: a slow handler delays messages, not PUBACKs of publishes). An exception thrown here is
 * logged, counted and the message acknowledged; it never stops the link.
 */
@FunctionalInterface
public interface MessageHandler {
    void onMessage(InboundMessage message, Acknowledgement acknowledgement);

    /** A handler whose messages are acknowledged as soon as {@code receiver} returns (or throws). */
    static MessageHandler autoAck(java.util.function.Consumer<InboundMessage> receiver) {
        return (message, ack) -> {
            try {
                receiver.accept(message);
            } finally {
                ack.acknowledge();
            }
        };
    }
}
