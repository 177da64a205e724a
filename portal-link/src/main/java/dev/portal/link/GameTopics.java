package dev.portal.link;

import java.util.List;
import java.util.Optional;

/** The game-facing JSON topics the bridge serves (host-bridge/asyncapi.yaml). */
public final class GameTopics {
    /** Every game event, in order per portal (QoS 1). */
    public static final Topic EVENTS = Topic.of("game/events");
    /** Frames and requests the bridge refused, with the reason. */
    public static final Topic DEADLETTER = Topic.of("game/deadletter");
    /** The bridge's retained health document. */
    public static final Topic BRIDGE_STATUS = Topic.of("game/bridge/status");
    /** Update requests of game servers for any toy: {@code game/toys/+/update}. */
    public static final TopicFilter TOY_UPDATES = TopicFilter.of("game/toys/+/update");
    /** Every portal document: {@code game/portals/+}. */
    public static final TopicFilter ALL_PORTALS = TopicFilter.of("game/portals/+");
    /** Everything game-facing: {@code game/#}. */
    public static final TopicFilter ALL = TopicFilter.of("game/#");

    /** What an incoming game topic is. Levels that are not ours stay raw: the receiver validates them. */
    public sealed interface GameTopic {
    }

    public record Events() implements GameTopic {
    }

    public record DeadLetter() implements GameTopic {
    }

    public record BridgeStatus() implements GameTopic {
    }

    public record PortalDocument(DeviceId device) implements GameTopic {
    }

    public record ToyDocument(String uid) implements GameTopic {
    }

    /** A game server's request to change a toy; {@code uid} is as received and still to be validated. */
    public record ToyUpdate(String uid) implements GameTopic {
    }

    public record Reply(String name) implements GameTopic {
    }

    private GameTopics() {
    }

    /** The retained document of one portal: {@code game/portals/{id}}. */
    public static Topic portal(DeviceId device) {
        return Topic.of("game/portals/" + device.value());
    }

    /** The retained document of one toy: {@code game/toys/{uid}}. */
    public static Topic toy(String uid) {
        return Topic.of("game/toys/" + level(uid));
    }

    /** The retained document of a toy of another line (protocol 1.2): {@code game/foreign-toys/{uid}}. */
    public static Topic foreignToy(String uid) {
        return Topic.of("game/foreign-toys/" + level(uid));
    }

    /** Where a game server asks for a toy change: {@code game/toys/{uid}/update}. */
    public static Topic toyUpdate(String uid) {
        return Topic.of("game/toys/" + level(uid) + "/update");
    }

    /** A game server's reply topic: {@code game/replies/{name}}. */
    public static Topic replies(String name) {
        return Topic.of("game/replies/" + level(name));
    }

    /** What {@code topic} is, or empty when it is not a game topic we know. */
    public static Optional<GameTopic> parse(Topic topic) {
        List<String> l = topic.levels();
        if (l.size() < 2 || !l.get(0).equals("game")) {
            return Optional.empty();
        }
        String second = l.get(1);
        return switch (l.size()) {
            case 2 -> second.equals("events") ? Optional.of(new Events())
                    : second.equals("deadletter") ? Optional.of(new DeadLetter()) : Optional.empty();
            case 3 -> switch (second) {
                case "bridge" -> l.get(2).equals("status") ? Optional.of(new BridgeStatus()) : Optional.empty();
                case "portals" -> DeviceId.parse(l.get(2)).map(PortalDocument::new);
                case "toys" -> nonEmpty(l.get(2)).map(ToyDocument::new);
                case "replies" -> nonEmpty(l.get(2)).map(Reply::new);
                default -> Optional.empty();
            };
            case 4 -> second.equals("toys") && l.get(3).equals("update")
                    ? nonEmpty(l.get(2)).map(ToyUpdate::new) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<String> nonEmpty(String level) {
        return level.isEmpty() ? Optional.empty() : Optional.of(level);
    }

    private static String level(String value) {
        if (value.isEmpty() || value.contains("/")) {
            throw new IllegalArgumentException("not a single topic level: " + value);
        }
        return value;
    }
}
