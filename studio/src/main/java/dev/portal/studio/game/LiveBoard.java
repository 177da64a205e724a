package dev.portal.studio.game;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What is on the portals now, built from the bridge's game topics: each portal's pads and slots, the toy on
 * each slot with the look and level its toy document gives, and a flag when the bridge judged the toy tampered,
 * rolled back or clone-suspected. Every change becomes a {@link LiveMessage} for the pages; a page that opens
 * gets a snapshot first. Only what a toy card shows is passed on (no play history, no owner).
 */
public final class LiveBoard implements GameListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Spot(String deviceId, int pad, int slot) {
    }

    private final Map<String, ObjectNode> portals = new TreeMap<>();
    private final Map<String, JsonNode> toys = new HashMap<>();
    private final Map<String, Spot> placed = new HashMap<>();
    private final Map<String, String> flags = new HashMap<>();
    /** Toys of other lines (amiibo, Skylanders, LEGO Dimensions) the portal identified: line and ids only. */
    private final Map<String, ObjectNode> foreign = new HashMap<>();
    private final Consumer<LiveMessage> out;

    /** {@code out} gets every change, in order, while this board's lock is held (keep it quick). */
    public LiveBoard(Consumer<LiveMessage> out) {
        this.out = out;
    }

    @Override
    public synchronized void portal(String deviceId, JsonNode document) {
        if (document == null) {
            portals.remove(deviceId);
            ObjectNode gone = JSON.createObjectNode().put("deviceId", deviceId).put("gone", true);
            out.accept(new LiveMessage("portal", gone));
            return;
        }
        ObjectNode portal = JSON.createObjectNode();
        portal.put("deviceId", deviceId);
        portal.put("online", document.path("online").asBoolean(false));
        ArrayNode pads = portal.putArray("pads");
        for (JsonNode pad : document.path("pads")) {
            if (pad.path("pad").canConvertToInt() && pad.path("slots").canConvertToInt()) {
                int slots = Math.max(1, Math.min(16, pad.path("slots").asInt()));
                pads.addObject().put("pad", pad.path("pad").asInt()).put("slots", slots);
            }
        }
        portals.put(deviceId, portal);
        out.accept(new LiveMessage("portal", portal));
    }

    @Override
    public synchronized void toy(String uid, JsonNode document) {
        toys.put(uid, document);
        JsonNode on = document.path("onPortal");
        if (on.isObject() && !placed.containsKey(uid)) {
            placed.put(uid, new Spot(on.path("deviceId").asText(), on.path("pad").asInt(), on.path("slot").asInt()));
        } else if (on.isNull() && placed.containsKey(uid)) {
            remove(uid);
            return;
        }
        out.accept(new LiveMessage("toy", card(uid)));
    }

    @Override
    public synchronized void event(JsonNode event) {
        String uid = event.path("uid").asText("");
        if (uid.isEmpty()) {
            return;
        }
        if (event.path("profile").isObject()) {
            mergeProfile(uid, event.path("profile"));
        }
        switch (event.path("event").asText()) {
            case "placed" -> {
                placed.put(uid, new Spot(event.path("deviceId").asText(), event.path("pad").asInt(),
                        event.path("slot").asInt()));
                flags.remove(uid);
                out.accept(new LiveMessage("placed", card(uid)));
            }
            case "removed" -> remove(uid);
            case "tampered", "rolled-back", "clone-suspected" -> {
                flags.put(uid, event.path("event").asText());
                out.accept(new LiveMessage("toy", card(uid)));
            }
            case "foreign" -> {
                JsonNode f = event.path("foreign");
                ObjectNode who = JSON.createObjectNode().put("line", f.path("line").asText("unknown"))
                        .put("check", f.path("check").asText("failed"));
                if (f.path("characterId").canConvertToInt()) {
                    who.put("characterId", f.path("characterId").asInt());
                }
                foreign.put(uid, who);
                out.accept(new LiveMessage("toy", card(uid)));
            }
            case "recognised", "blank", "unknown" -> {
                flags.remove(uid);
                out.accept(new LiveMessage("toy", card(uid)));
            }
            default -> { }
        }
    }

    /** Everything a page needs to draw the portals now. */
    public synchronized LiveMessage snapshot() {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("portals");
        portals.values().forEach(list::add);
        ArrayNode cards = data.putArray("toys");
        placed.keySet().stream().sorted().forEach(uid -> cards.add(card(uid)));
        return new LiveMessage("snapshot", data);
    }

    /** The latest toy document the bridge published for {@code uid}. */
    public synchronized Optional<JsonNode> toyDocument(String uid) {
        return Optional.ofNullable(toys.get(uid));
    }

    /** UIDs of the toys lying on a portal now. */
    public synchronized java.util.List<String> onPortals() {
        return placed.keySet().stream().sorted().toList();
    }

    private void remove(String uid) {
        Spot spot = placed.remove(uid);
        flags.remove(uid);
        foreign.remove(uid);
        if (spot != null) {
            ObjectNode data = JSON.createObjectNode().put("uid", uid).put("deviceId", spot.deviceId)
                    .put("pad", spot.pad).put("slot", spot.slot);
            out.accept(new LiveMessage("removed", data));
        }
    }

    private void mergeProfile(String uid, JsonNode profile) {
        JsonNode known = toys.get(uid);
        if (known == null || profile.path("revision").asLong(-1) >= known.path("revision").asLong(-1)) {
            ObjectNode merged = known == null ? JSON.createObjectNode() : ((ObjectNode) known).deepCopy();
            merged.setAll((ObjectNode) profile);
            toys.put(uid, merged);
        }
    }

    /** What a toy card shows: where it lies, its look and progress, and the bridge's judgement. */
    private ObjectNode card(String uid) {
        ObjectNode card = JSON.createObjectNode().put("uid", uid);
        Spot spot = placed.get(uid);
        if (spot != null) {
            card.put("deviceId", spot.deviceId).put("pad", spot.pad).put("slot", spot.slot);
        }
        JsonNode toy = toys.get(uid);
        if (toy != null) {
            card.put("name", toy.path("name").asText(""));
            card.put("toyType", toy.path("toyType").asInt());
            card.set("colours", toy.path("colours").deepCopy());
            card.put("level", toy.path("level").asInt());
            card.put("xp", toy.path("xp").asLong());
            card.put("writePending", toy.path("writePending").asBoolean(false));
            card.put("revision", toy.path("revision").asLong());
            card.put("claimed", toy.path("claimed").asBoolean(false));
            String verdict = toy.path("lastVerdict").asText("");
            if (verdict.equals("TAMPERED")) {
                card.put("flag", "tampered");
            } else if (verdict.equals("ROLLED_BACK")) {
                card.put("flag", "rolled-back");
            }
        }
        ObjectNode other = foreign.get(uid);
        if (other != null) {
            card.set("foreign", other);
        }
        String flag = flags.get(uid);
        if (flag != null) {
            card.put("flag", flag);
        }
        return card;
    }
}
