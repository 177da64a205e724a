package dev.portal.link;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A topic name to publish on or received on: any valid MQTT UTF-8 string without wildcards. Every well-formed
 * UTF-8 topic a broker may deliver is a valid {@code Topic} (4-byte characters such as U+1F409 and full-width
 * digits included): a topic the application does not know is its business to drop, never the link's to fail on.
 */
public record Topic(String value) {
    static final int MAX_BYTES = 65_535;

    public Topic {
        Objects.requireNonNull(value, "topic");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a topic is never empty");
        }
        if (value.indexOf('+') >= 0 || value.indexOf('#') >= 0) {
            throw new IllegalArgumentException("wildcards belong in a TopicFilter, not a Topic: " + value);
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("a topic may not contain U+0000");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("a topic is at most 65535 bytes of UTF-8");
        }
    }

    public static Topic of(String value) {
        return new Topic(value);
    }

    /** The levels between the slashes; empty levels are kept (a/​/b has three). */
    public List<String> levels() {
        return List.of(value.split("/", -1));
    }

    @Override
    public String toString() {
        return value;
    }
}
