package dev.portal.bridge.game;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.state.ForeignToyDocument;
import dev.portal.bridge.state.GameEvent;
import dev.portal.protocol.tree.ForeignTree;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.state.PlayHistory;
import dev.portal.bridge.state.PlaySession;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.state.ToyProfile;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The JSON documents of the game topics (schemas in host-bridge/asyncapi.yaml). */
public final class GameJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * For JSON from outside (update requests, portal statuses): exactly one document, nothing but whitespace
     * after it, and no key twice (which of two values would count is the reader's whim, not the sender's).
     */
    private static final ObjectReader STRICT = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** How many recent play sessions a toy's document carries. */
    public static final int RECENT_SESSIONS = 10;

    private GameJson() {
    }

    /** One JSON document read strictly (see {@link #STRICT}); empty input is an error too. */
    public static JsonNode readStrict(byte[] payload) throws IOException {
        JsonNode node = STRICT.readTree(payload);
        if (node == null || node.isMissingNode()) {
            throw new IOException("no JSON document");
        }
        return node;
    }

    public static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    public static String text(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    public static ObjectNode portal(PortalState p) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("deviceId", p.deviceId());
        node.put("online", p.online());
        if (p.bootId() != null) {
            node.put("bootId", p.bootId());
        }
        if (p.firmware() != null) {
            node.put("firmware", p.firmware());
        }
        ArrayNode caps = node.putArray("capabilities");
        p.capabilities().forEach(caps::add);
        node.set("pads", MAPPER.valueToTree(p.pads()));
        node.set("calibration", MAPPER.valueToTree(p.calibration()));
        if (p.configVersion() != null) {
            node.put("configVersion", p.configVersion());
        }
        node.set("health", MAPPER.valueToTree(p.health()));
        node.put("lastSeen", time(p.lastSeenMillis()));
        return node;
    }

    public static ObjectNode profile(ToyProfile t) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("uid", t.uid());
        node.put("toyType", t.toyType());
        node.put("variant", t.variant());
        node.put("name", t.name());
        ObjectNode colours = node.putObject("colours");
        colours.put("primary", rgbHex(t.colours().primary()));
        colours.put("secondary", rgbHex(t.colours().secondary()));
        colours.put("accent", rgbHex(t.colours().accent()));
        ArrayNode upgrades = node.putArray("upgrades");
        t.upgrades().forEach(upgrades::add);
        node.put("xp", t.xp());
        node.put("level", t.level());
        node.put("lastVerdict", t.lastVerdict());
        node.put("writePending", t.writePending());
        node.put("revision", t.revision());
        node.put("firstSeen", time(t.firstSeenMillis()));
        node.put("lastSeen", time(t.lastSeenMillis()));
        return node;
    }

    /** The retained toy document: profile, where it lies now, and its recent play history. */
    public static ObjectNode toy(ToyProfile t, Optional<Placement> where, PlayHistory history) {
        ObjectNode node = profile(t);
        if (where.isPresent()) {
            ObjectNode on = node.putObject("onPortal");
            on.put("deviceId", where.get().deviceId());
            on.put("pad", where.get().pad());
            on.put("slot", where.get().slot());
            on.put("since", time(where.get().sinceMillis()));
        } else {
            node.putNull("onPortal");
        }
        ObjectNode play = node.putObject("play");
        play.put("sessions", history.sessions());
        play.put("totalMillis", history.totalMillis());
        ArrayNode recent = play.putArray("recent");
        history.recent().forEach(s -> recent.add(session(s)));
        return node;
    }

    /** The retained document of a toy of another line: who it is and where it was last read (no profile). */
    public static ObjectNode foreignToy(ForeignToyDocument d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("uid", d.uid());
        node.set("foreign", MAPPER.valueToTree(ForeignTree.toTree(d.reading())));
        ObjectNode read = node.putObject("lastRead");
        read.put("deviceId", d.deviceId());
        read.put("pad", d.pad());
        read.put("slot", d.slot());
        read.put("at", time(d.readMillis()));
        return node;
    }

    public static ObjectNode session(PlaySession s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("sessionId", s.sessionId());
        node.put("deviceId", s.deviceId());
        node.put("pad", s.pad());
        node.put("slot", s.slot());
        node.put("start", time(s.startedMillis()));
        if (s.endedMillis() != null) {
            node.put("end", time(s.endedMillis()));
            node.put("durationMillis", s.durationMillis());
        } else {
            node.putNull("end");
            node.putNull("durationMillis");
        }
        return node;
    }

    public static ObjectNode event(GameEvent e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("eventId", e.eventId());
        node.put("event", e.type());
        node.put("deviceId", e.deviceId());
        node.put("pad", e.pad());
        node.put("slot", e.slot());
        node.put("uid", e.uid());
        node.put("at", time(e.atMillis()));
        // Written as they are when the event is serialised: converting them to a tree first (valueToTree writes
        // and reads them back) cost more than the rest of the event.
        for (Map.Entry<String, Object> detail : e.details().entrySet()) {
            node.putPOJO(detail.getKey(), detail.getValue());
        }
        if (e.profile() != null) {
            node.set("profile", profile(e.profile()));
        } else {
            node.putNull("profile");
        }
        return node;
    }

    /** Colours reach the game as "#RRGGBB", the form web and engine colour pickers take. */
    private static String rgbHex(int rgb) {
        return String.format("#%06X", rgb);
    }
}
