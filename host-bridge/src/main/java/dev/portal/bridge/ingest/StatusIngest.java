package dev.portal.bridge.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.game.BridgeParts;
import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.link.DeviceId;
import dev.portal.link.Topic;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.store.Store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The retained portal/{id}/status (set by the device, and by its will when it dies), as portal-device/TOPICS.md
 * describes it: {@code {"state":"online"|"offline","deviceId":...,"bootId":"xxxxxxxx"}}. An "offline" naming
 * another boot than the latest Birth's is a late will of an earlier session and is ignored.
 */
public final class StatusIngest {
    private static final int MAX_BYTES = 1024;

    private final Store store;
    private final GamePublisher publisher;
    private final DeadLetters deadLetters;
    private final BridgeCounters counters;
    private final Clock clock;

    public StatusIngest(BridgeParts parts) {
        this.store = parts.store();
        this.publisher = parts.publisher();
        this.deadLetters = parts.deadLetters();
        this.counters = parts.counters();
        this.clock = parts.clock();
    }

    record Status(boolean online, Optional<Long> bootId) {
    }

    public void onStatus(DeviceId device, Topic topic, byte[] payload) {
        String deviceId = device.value();
        if (payload.length == 0) {
            return; // an empty retained message clears the topic: nothing to learn
        }
        Optional<Status> status = payload.length > MAX_BYTES ? Optional.empty() : parse(payload);
        if (status.isEmpty()) {
            deadLetters.refuse(Refusal.BAD_STATUS, "expected online/offline or {\"state\":...}", topic.value(), payload);
            return;
        }
        counters.count(Counter.STATUS_RECEIVED);
        long now = clock.millis();
        Optional<PortalState> changed = store.inTransaction(tx -> {
            PortalState portal = tx.portal(deviceId).orElse(PortalState.unknown(deviceId, now));
            Optional<Long> boot = status.get().bootId();
            if (boot.isPresent() && portal.bootId() != null && !boot.get().equals(portal.bootId())
                    && !status.get().online()) {
                return Optional.<PortalState>empty();
            }
            if (portal.online() == status.get().online() && tx.portal(deviceId).isPresent()) {
                return Optional.<PortalState>empty();
            }
            PortalState updated = portal.withOnline(status.get().online(), now);
            tx.savePortal(updated);
            return Optional.of(updated);
        });
        changed.ifPresent(publisher::publishPortal);
    }

    /** portal-device writes the boot id as 8 hex digits; a number is accepted too. */
    private static Optional<Long> bootId(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(node.asLong());
        }
        if (node.isTextual() && node.asText().matches("[0-9A-Fa-f]{1,8}")) {
            return Optional.of(Long.parseLong(node.asText(), 16));
        }
        return Optional.empty();
    }

    static Optional<Status> parse(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.equalsIgnoreCase("online") || text.equalsIgnoreCase("offline")) {
            return Optional.of(new Status(text.equalsIgnoreCase("online"), Optional.empty()));
        }
        try {
            JsonNode node = GameJson.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            Boolean online = null;
            if (node.path("online").isBoolean()) {
                online = node.get("online").asBoolean();
            }
            for (String field : new String[] {"state", "status"}) {
                String value = node.path(field).asText("");
                if (value.equalsIgnoreCase("online") || value.equalsIgnoreCase("offline")) {
                    online = value.equalsIgnoreCase("online");
                }
            }
            if (online == null) {
                return Optional.empty();
            }
            return Optional.of(new Status(online, bootId(node.path("bootId"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
