package dev.portal.link;

import java.util.List;
import java.util.Optional;

/** The portal-side topics, all under {@code portal/{deviceId}/}; see portal-device/TOPICS.md. */
public final class PortalTopics {
    /** What a portal topic carries. */
    public enum Kind {
        /** Binary frames from the portal (QoS 1). */
        EVENTS("evt"),
        /** Binary Command frames to the portal (QoS 1). */
        COMMANDS("cmd"),
        /** Retained UTF-8 JSON {"state":"online"|"offline","deviceId":..,"bootId":..}. */
        STATUS("status"),
        /** Retained desired/reported configuration document. */
        CONFIG_SHADOW("config/shadow");

        private final String leaf;

        Kind(String leaf) {
            this.leaf = leaf;
        }

        public String leaf() {
            return leaf;
        }
    }

    /** Which portal and which kind an incoming topic is about. */
    public record PortalTopic(DeviceId device, Kind kind) {
        public Topic topic() {
            return of(device, kind);
        }
    }

    private static final String ROOT = "portal";

    /** Every portal's events: {@code portal/+/evt}. */
    public static final TopicFilter ALL_EVENTS = TopicFilter.of("portal/+/evt");
    /** Every portal's retained status: {@code portal/+/status}. */
    public static final TopicFilter ALL_STATUS = TopicFilter.of("portal/+/status");

    private PortalTopics() {
    }

    public static Topic of(DeviceId device, Kind kind) {
        return Topic.of(ROOT + "/" + device.value() + "/" + kind.leaf());
    }

    public static Topic evt(DeviceId device) {
        return of(device, Kind.EVENTS);
    }

    public static Topic cmd(DeviceId device) {
        return of(device, Kind.COMMANDS);
    }

    public static Topic status(DeviceId device) {
        return of(device, Kind.STATUS);
    }

    public static Topic configShadow(DeviceId device) {
        return of(device, Kind.CONFIG_SHADOW);
    }

    /**
     * The portal and kind of {@code topic}, or empty for anything else, including a portal level that is not a
     * valid {@link DeviceId} ({@code portal/emoji-🐉/evt}): such a topic is not from a portal of ours.
     */
    public static Optional<PortalTopic> parse(Topic topic) {
        List<String> levels = topic.levels();
        if (levels.size() < 3 || !levels.get(0).equals(ROOT)) {
            return Optional.empty();
        }
        String leaf = String.join("/", levels.subList(2, levels.size()));
        for (Kind kind : Kind.values()) {
            if (kind.leaf.equals(leaf)) {
                return DeviceId.parse(levels.get(1)).map(id -> new PortalTopic(id, kind));
            }
        }
        return Optional.empty();
    }

    /** The portal of {@code topic} if it is of {@code kind}. */
    public static Optional<DeviceId> deviceOf(Topic topic, Kind kind) {
        return parse(topic).filter(p -> p.kind() == kind).map(PortalTopic::device);
    }
}
