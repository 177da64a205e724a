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
    /** Web-code registrations of technicians (portalctl provision): {@code game/toys/+/webcode}. */
    public static final TopicFilter TOY_WEBCODES = TopicFilter.of("game/toys/+/webcode");
    /** Players claiming toys with their web codes: {@code game/toys/+/claim}. */
    public static final TopicFilter TOY_CLAIMS = TopicFilter.of("game/toys/+/claim");
    /** Requests for a toy's play and XP history: {@code game/toys/+/history}. */
    public static final TopicFilter TOY_HISTORIES = TopicFilter.of("game/toys/+/history");
    /** Requests about a player's toys and data (toys, export, forget): {@code game/players/+/request}. */
    public static final TopicFilter PLAYER_REQUESTS = TopicFilter.of("game/players/+/request");
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

    /** A request about one toy besides an update; {@code uid} is as received and still to be validated. */
    public record ToyRequest(String uid, ToyRequestKind kind) implements GameTopic {
    }

    /** The last level of a {@link ToyRequest}'s topic. */
    public enum ToyRequestKind {
        WEBCODE("webcode"), CLAIM("claim"), HISTORY("history");

        private final String level;

        ToyRequestKind(String level) {
            this.level = level;
        }

        public String level() {
            return level;
        }

        static Optional<ToyRequestKind> of(String level) {
            for (ToyRequestKind kind : values()) {
                if (kind.level.equals(level)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** A request about a player's toys and data; {@code player} is as received and still to be validated. */
    public record PlayerRequest(String player) implements GameTopic {
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

    /** {@code game/toys/{uid}/webcode}, {@code .../claim} or {@code .../history}. */
    public static Topic toyRequest(String uid, ToyRequestKind kind) {
        return Topic.of("game/toys/" + level(uid) + "/" + kind.level());
    }

    /** Where a game server asks about a player: {@code game/players/{player}/request}. */
    public static Topic playerRequest(String player) {
        return Topic.of("game/players/" + level(player) + "/request");
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
            case 4 -> fourLevels(second, l.get(2), l.get(3));
            default -> Optional.empty();
        };
    }

    private static Optional<GameTopic> fourLevels(String second, String third, String last) {
        Optional<String> name = nonEmpty(third);
        if (second.equals("players")) {
            return last.equals("request") ? name.map(PlayerRequest::new) : Optional.empty();
        }
        if (!second.equals("toys")) {
            return Optional.empty();
        }
        if (last.equals("update")) {
            return name.map(ToyUpdate::new);
        }
        return ToyRequestKind.of(last).flatMap(kind -> name.map(uid -> new ToyRequest(uid, kind)));
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
