package dev.portal.bridge.game;

import com.fasterxml.jackson.databind.JsonNode;

import dev.portal.link.GameTopics;
import dev.portal.link.Topic;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads update requests. A request that cannot be answered (not JSON, no usable replyTo or correlationId) is a
 * {@link Unanswerable} and goes to the dead-letter topic; one that can be answered but asks for something
 * invalid is a {@link Invalid} and gets a "rejected" reply.
 */
public final class UpdateParser {
    /** Largest request accepted; a real one is a few hundred bytes. */
    public static final int MAX_BYTES = 8 * 1024;
    private static final Pattern REPLY_TOPIC = Pattern.compile("game/replies/[A-Za-z0-9._\\-]{1,100}");
    private static final Pattern UID = Pattern.compile("[0-9A-F]{2,20}");

    public static final class Unanswerable extends Exception {
        public Unanswerable(String message) {
            super(message);
        }
    }

    public static final class Invalid extends Exception {
        private final transient UpdateRequest partial;

        public Invalid(String message, UpdateRequest partial) {
            super(message);
            this.partial = partial;
        }

        /** The request's uid, correlationId and replyTo, to address the rejection (change is null). */
        public UpdateRequest partial() {
            return partial;
        }
    }

    public UpdateRequest parse(String uid, byte[] payload) throws Unanswerable, Invalid {
        if (payload.length > MAX_BYTES) {
            throw new Unanswerable("request of " + payload.length + " bytes exceeds " + MAX_BYTES);
        }
        if (uid == null || !UID.matcher(uid).matches()) {
            throw new Unanswerable("topic uid must be 2..20 upper-case hex digits: " + uid);
        }
        JsonNode root;
        try {
            root = GameJson.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new Unanswerable("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new Unanswerable("request must be a JSON object");
        }
        Topic replyTo = replyTopic(text(root, "replyTo"));
        String correlationId = text(root, "correlationId");
        if (correlationId == null || correlationId.isEmpty() || correlationId.length() > 128) {
            throw new Unanswerable("correlationId must be a string of 1..128 characters");
        }
        UpdateRequest partial = new UpdateRequest(uid, correlationId, replyTo, null);
        String action = text(root, "action");
        if (action == null) {
            throw new Invalid("action is missing (awardXp, rename, recolour, unlockUpgrade)", partial);
        }
        UpdateRequest.Change change = switch (action) {
            case "awardXp" -> new UpdateRequest.AwardXp(integer(root, "amount", -0xFFFF_FFFFL, 0xFFFF_FFFFL, partial));
            case "rename" -> new UpdateRequest.Rename(required(root, "name", partial));
            case "recolour" -> recolour(root, partial);
            case "unlockUpgrade" -> new UpdateRequest.UnlockUpgrade((int) integer(root, "upgrade", 0, 63, partial));
            default -> throw new Invalid("unknown action: " + action, partial);
        };
        return new UpdateRequest(uid, correlationId, replyTo, change);
    }

    /**
     * Replies go only to {@code game/replies/{name}}: a request must not make the bridge publish on a portal's
     * command topic, a toy's retained document or any other topic the bridge may write.
     */
    private static Topic replyTopic(String replyTo) throws Unanswerable {
        if (replyTo != null && REPLY_TOPIC.matcher(replyTo).matches()) {
            Topic topic = Topic.of(replyTo);
            if (GameTopics.parse(topic).orElse(null) instanceof GameTopics.Reply) {
                return topic;
            }
        }
        throw new Unanswerable("replyTo must be a topic game/replies/{name} (letters, digits, . _ -): " + replyTo);
    }

    private static UpdateRequest.Change recolour(JsonNode root, UpdateRequest partial) throws Invalid {
        Optional<Integer> primary = colour(root, "primary", partial);
        Optional<Integer> secondary = colour(root, "secondary", partial);
        Optional<Integer> accent = colour(root, "accent", partial);
        if (primary.isEmpty() && secondary.isEmpty() && accent.isEmpty()) {
            throw new Invalid("recolour needs at least one of primary, secondary, accent", partial);
        }
        return new UpdateRequest.Recolour(primary, secondary, accent);
    }

    private static Optional<Integer> colour(JsonNode root, String field, UpdateRequest partial) throws Invalid {
        JsonNode colours = root.path("colours");
        JsonNode value = colours.isObject() ? colours.get(field) : null;
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(rgb(value.asText()));
        } catch (IllegalArgumentException e) {
            throw new Invalid("colours." + field + " must be #RRGGBB, not " + value, partial);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String required(JsonNode root, String field, UpdateRequest partial) throws Invalid {
        String value = text(root, field);
        if (value == null) {
            throw new Invalid(field + " must be a string", partial);
        }
        return value;
    }

    private static long integer(JsonNode root, String field, long min, long max, UpdateRequest partial)
            throws Invalid {
        JsonNode value = root.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new Invalid(field + " must be an integer", partial);
        }
        long v = value.asLong();
        if (v < min || v > max) {
            throw new Invalid(field + " must be " + min + ".." + max + ", not " + v, partial);
        }
        return v;
    }

    /** "#RRGGBB" or "RRGGBB"; the range (24 bits) is checked by {@link dev.portal.protocol.toy.Colours}. */
    private static int rgb(String text) {
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (digits.length() != 6 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("colour must be #RRGGBB: " + text);
        }
        return Integer.parseInt(digits, 16);
    }
}
