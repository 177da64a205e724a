package dev.portal.bridge.game;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.link.GameTopics;
import dev.portal.link.Topic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads update requests, strictly as the UpdateRequest schema of host-bridge/asyncapi.yaml has them: one JSON
 * object and nothing after it, each field of its JSON type (an amount is an integer, not "5" nor 5.0), and no
 * field the action does not take. A request that cannot be answered (not one JSON object, no usable replyTo or
 * correlationId) is a {@link Unanswerable} and goes to the dead-letter topic; one that can be answered but asks
 * for something invalid is a {@link Invalid} and gets a "rejected" reply.
 */
public final class UpdateParser {
    /** Largest request accepted; a real one is a few hundred bytes. */
    public static final int MAX_BYTES = 8 * 1024;
    private static final Pattern REPLY_TOPIC = Pattern.compile("game/replies/[A-Za-z0-9._\\-]{1,100}");
    private static final Pattern UID = Pattern.compile("[0-9A-F]{2,20}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Set<String> EVERY_ACTION = Set.of("correlationId", "replyTo", "action");
    /** The one field each action takes besides those of {@link #EVERY_ACTION}. */
    private static final Map<String, String> ACTION_FIELD = Map.of("awardXp", "amount", "rename", "name",
            "recolour", "colours", "unlockUpgrade", "upgrade");
    private static final List<String> COLOUR_FIELDS = List.of("primary", "secondary", "accent");

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
            root = GameJson.readStrict(payload);
        } catch (IOException e) {
            throw new Unanswerable("not one JSON document: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!root.isObject()) {
            throw new Unanswerable("request must be a JSON object");
        }
        Topic replyTo = replyTopic(text(root, "replyTo"));
        String correlationId = text(root, "correlationId");
        if (correlationId == null || correlationId.isEmpty() || correlationId.length() > 128) {
            throw new Unanswerable("correlationId must be a string of 1..128 characters");
        }
        UpdateRequest partial = new UpdateRequest(uid, correlationId, replyTo, null);
        String action = text(root, "action");
        if (action == null || !ACTION_FIELD.containsKey(action)) {
            throw new Invalid("action must be one of awardXp, rename, recolour, unlockUpgrade, not "
                    + root.get("action"), partial);
        }
        onlyFieldsOf(root, action, partial);
        UpdateRequest.Change change = switch (action) {
            case "awardXp" -> new UpdateRequest.AwardXp(integer(root, "amount", -0xFFFF_FFFFL, 0xFFFF_FFFFL, partial));
            case "rename" -> new UpdateRequest.Rename(required(root, "name", partial));
            case "recolour" -> recolour(root.get("colours"), partial);
            default -> new UpdateRequest.UnlockUpgrade((int) integer(root, "upgrade", 0, 63, partial));
        };
        return new UpdateRequest(uid, correlationId, replyTo, change);
    }

    /**
     * A field the action does not take is refused rather than ignored: "xp" for "amount", or the name of a
     * rename sent with an award, is a game server's mistake it should hear about, not a silent no-op.
     */
    private static void onlyFieldsOf(JsonNode root, String action, UpdateRequest partial) throws Invalid {
        List<String> others = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!EVERY_ACTION.contains(name) && !name.equals(ACTION_FIELD.get(action))) {
                others.add(name);
            }
        }
        if (!others.isEmpty()) {
            throw new Invalid(action + " takes correlationId, replyTo, action and " + ACTION_FIELD.get(action)
                    + " only, not " + others, partial);
        }
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

    private static UpdateRequest.Change recolour(JsonNode colours, UpdateRequest partial) throws Invalid {
        if (colours == null || !colours.isObject() || colours.isEmpty()) {
            throw new Invalid("colours must be an object with at least one of primary, secondary, accent", partial);
        }
        for (Iterator<String> names = colours.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COLOUR_FIELDS.contains(name)) {
                throw new Invalid("colours takes primary, secondary and accent only, not " + name, partial);
            }
        }
        return new UpdateRequest.Recolour(colour(colours, "primary", partial), colour(colours, "secondary", partial),
                colour(colours, "accent", partial));
    }

    /** "#RRGGBB" (either case); the range (24 bits) is what {@link dev.portal.protocol.toy.Colours} holds. */
    private static Optional<Integer> colour(JsonNode colours, String field, UpdateRequest partial) throws Invalid {
        JsonNode value = colours.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || !COLOUR.matcher(value.asText()).matches()) {
            throw new Invalid("colours." + field + " must be a string #RRGGBB, not " + value, partial);
        }
        return Optional.of(Integer.parseInt(value.asText().substring(1), 16));
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

    /** A JSON integer: 5, not "5", 5.0 nor 5e0 (which a looser reader would round into one). */
    private static long integer(JsonNode root, String field, long min, long max, UpdateRequest partial)
            throws Invalid {
        JsonNode value = root.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Invalid(field + " must be an integer, not " + value, partial);
        }
        long v = value.asLong();
        if (v < min || v > max) {
            throw new Invalid(field + " must be " + min + ".." + max + ", not " + v, partial);
        }
        return v;
    }
}
