package dev.portal.bridge.game;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.link.GameTopics;
import dev.portal.link.Topic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every game request shares (updates, web codes, claims, history, player requests): one JSON object and
 * nothing after it, no key twice, a correlationId of 1..128 characters and a replyTo one level under
 * {@code game/replies/}. A request without them cannot be answered ({@link UpdateParser.Unanswerable}: a dead
 * letter); the fields each kind takes are checked by its own parser, which answers "rejected".
 */
public record RequestEnvelope(JsonNode root, String correlationId, Topic replyTo) {
    /** Largest request accepted; a real one is a few hundred bytes. */
    public static final int MAX_BYTES = 8 * 1024;
    /** The fields every request carries. */
    public static final Set<String> FIELDS = Set.of("correlationId", "replyTo");
    private static final Pattern REPLY_TOPIC = Pattern.compile("game/replies/[A-Za-z0-9._\\-]{1,100}");
    private static final Pattern UID = Pattern.compile("[0-9A-F]{2,20}");
    /** Player ids are opaque strings a game server chooses. */
    private static final Pattern PLAYER = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

    /** Reads the envelope of {@code payload}, or says why the request cannot be answered. */
    public static RequestEnvelope read(byte[] payload) throws UpdateParser.Unanswerable {
        if (payload.length > MAX_BYTES) {
            throw new UpdateParser.Unanswerable("request of " + payload.length + " bytes exceeds " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = GameJson.readStrict(payload);
        } catch (IOException e) {
            throw new UpdateParser.Unanswerable("not one JSON document: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (!root.isObject()) {
            throw new UpdateParser.Unanswerable("request must be a JSON object");
        }
        Topic replyTo = replyTopic(text(root, "replyTo"));
        String correlationId = text(root, "correlationId");
        if (correlationId == null || correlationId.isEmpty() || correlationId.length() > 128) {
            throw new UpdateParser.Unanswerable("correlationId must be a string of 1..128 characters");
        }
        return new RequestEnvelope(root, correlationId, replyTo);
    }

    /** A toy's uid as a topic level names it: 2..20 upper-case hex digits. */
    public static boolean validUid(String uid) {
        return uid != null && UID.matcher(uid).matches();
    }

    /** A player id: 1..64 of letters, digits, '.', '_' and '-'. */
    public static boolean validPlayer(String player) {
        return player != null && PLAYER.matcher(player).matches();
    }

    /** The string field {@code field}, or null when it is absent or not a string. */
    public String text(String field) {
        return text(root, field);
    }

    /** Whether the request has {@code field} at all (of any JSON type, null too). */
    public boolean has(String field) {
        return root.has(field);
    }

    /**
     * The fields besides {@link #FIELDS} and {@code allowed}: a request's field the kind does not take is a
     * mistake the sender should hear about, not a silent no-op.
     */
    public List<String> fieldsOtherThan(Set<String> allowed) {
        List<String> others = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name) && !allowed.contains(name)) {
                others.add(name);
            }
        }
        return others;
    }

    static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /**
     * Replies go only to {@code game/replies/{name}}: a request must not make the bridge publish on a portal's
     * command topic, a toy's retained document or any other topic the bridge may write.
     */
    private static Topic replyTopic(String replyTo) throws UpdateParser.Unanswerable {
        if (replyTo != null && REPLY_TOPIC.matcher(replyTo).matches()) {
            Topic topic = Topic.of(replyTo);
            if (GameTopics.parse(topic).orElse(null) instanceof GameTopics.Reply) {
                return topic;
            }
        }
        throw new UpdateParser.Unanswerable("replyTo must be a topic game/replies/{name} (letters, digits, . _ -): "
                + replyTo);
    }
}
