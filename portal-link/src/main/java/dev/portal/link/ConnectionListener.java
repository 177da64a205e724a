package dev.portal.link;

/** Hears the link come up and go down; called on the link's inbound thread, in order with the messages. */
public interface ConnectionListener {
    ConnectionListener NONE = new ConnectionListener() { };

    /** Connected (again); {@code sessionPresent} says whether the broker kept the session of the last one. */
    default void connected(boolean sessionPresent) {
    }

    /** The connection is gone; the link reconnects by itself if it has a reconnect policy. */
    default void lost(Throwable cause) {
    }
}
