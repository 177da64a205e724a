package dev.portal.link;

import java.util.Objects;

/** A message the broker delivered. The payload is the link's own copy; receivers may keep it. */
public record InboundMessage(Topic topic, byte[] payload, Qos qos, boolean retained) {
    public InboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
    }
}
