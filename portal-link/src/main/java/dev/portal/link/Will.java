package dev.portal.link;

import java.util.Objects;

/** What the broker publishes for us if the connection dies without a clean close. */
public record Will(Topic topic, byte[] payload, Qos qos, boolean retained) {
    public Will {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
    }
}
