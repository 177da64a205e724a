package dev.portal.bridge.state;

import java.util.Map;

/**
 * One thing a game server should hear about on game/events.
 *
 * @param eventId stable for the event whatever happens to the bridge: a game server that hears an event twice
 *                (the bridge died before the broker confirmed it, and published it again) has the same id
 * @param type    placed, removed, recognised, blank, unknown, tampered, portal-restarted
 * @param details extra fields by event type (tagType, presentMillis, session...)
 * @param profile the toy's profile when the bridge knows it, else null
 */
public record GameEvent(String eventId, String type, String deviceId, int pad, int slot, String uid, long atMillis,
                        Map<String, Object> details, ToyProfile profile) {
    public GameEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
