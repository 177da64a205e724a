package dev.portal.studio.game;

import com.fasterxml.jackson.databind.JsonNode;

/** What the bridge publishes for game servers, as the studio hears it (already parsed, on the link's thread). */
public interface GameListener {
    /** A portal's retained document on {@code game/portals/{deviceId}}; empty payload = gone. */
    void portal(String deviceId, JsonNode document);

    /** A toy's retained document on {@code game/toys/{uid}}. */
    void toy(String uid, JsonNode document);

    /** One message on {@code game/events}. */
    void event(JsonNode event);
}
