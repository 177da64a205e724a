package dev.portal.bridge.game;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads update requests, strictly as the UpdateRequest schema of host-bridge/asyncapi.yaml has them: the
 * envelope every game request shares ({@link RequestEnvelope}), each field of its JSON type (an amount is an
 * integer, not "5" nor 5.0), and no field the action does not take. A request that cannot be answered (not one
 * JSON object, no usable replyTo or correlationId) is a {@link Unanswerable} and goes to the dead-letter topic;
 * one that can be answered but asks for something invalid is a {@link Invalid} and gets a "rejected" reply.
 */
public final class UpdateParser {
    /** Largest request accepted; a real one is a few hundred bytes. */
    public static final int MAX_BYTES = RequestEnvelope.MAX_BYTES;
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    /** The one field each action takes besides action, the optional player and the envelope's. */
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
        if (!RequestEnvelope.validUid(uid)) {
            throw new Unanswerable("topic uid must be 2..20 upper-case hex digits: " + uid);
        }
        RequestEnvelope envelope = RequestEnvelope.read(payload);
        JsonNode root = envelope.root();
        UpdateRequest partial = new UpdateRequest(uid, envelope.correlationId(), envelope.replyTo(), null,
                Optional.empty());
        String action = envelope.text("action");
        if (action == null || !ACTION_FIELD.containsKey(action)) {
            throw new Invalid("action must be one of awardXp, rename, recolour, unlockUpgrade, not "
                    + root.get("action"), partial);
        }
        List<String> others = envelope.fieldsOtherThan(Set.of("action", "player", ACTION_FIELD.get(action)));
        if (!others.isEmpty()) {
            throw new Invalid(action + " takes correlationId, replyTo, action and " + ACTION_FIELD.get(action)
                    + " (and an optional player) only, not " + others, partial);
        }
        Optional<String> player = Optional.empty();
        if (envelope.has("player")) {
            String id = envelope.text("player");
            if (!RequestEnvelope.validPlayer(id)) {
                throw new Invalid("player must be 1..64 of letters, digits, . _ -, not " + root.get("player"), partial);
            }
            player = Optional.of(id);
        }
        UpdateRequest.Change change = switch (action) {
            case "awardXp" -> new UpdateRequest.AwardXp(integer(root, "amount", -0xFFFF_FFFFL, 0xFFFF_FFFFL, partial));
            case "rename" -> new UpdateRequest.Rename(required(root, "name", partial));
            case "recolour" -> recolour(root.get("colours"), partial);
            default -> new UpdateRequest.UnlockUpgrade((int) integer(root, "upgrade", 0, 63, partial));
        };
        return new UpdateRequest(uid, envelope.correlationId(), envelope.replyTo(), change, player);
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

    private static String required(JsonNode root, String field, UpdateRequest partial) throws Invalid {
        String value = RequestEnvelope.text(root, field);
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
