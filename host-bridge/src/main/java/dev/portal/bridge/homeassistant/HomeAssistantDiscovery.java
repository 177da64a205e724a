package dev.portal.bridge.homeassistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.game.PublishObserver;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.store.Store;
import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Home Assistant MQTT discovery for the bridge's portals ({@code --homeassistant [PREFIX]}): each portal the
 * bridge publishes a document of becomes a device with a connectivity sensor, a sensor of the toys on it and a
 * tag scanner, whose configs are retained under the prefix; each toy placed is a tag scan with the toy's UID as
 * the tag id, so an automation can run when a given toy is put down. Runs on the bridge's worker thread, as a
 * {@link PublishObserver} of what the bridge publishes for game servers.
 */
public final class HomeAssistantDiscovery implements PublishObserver {
    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantDiscovery.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BrokerLink link;
    private final Store store;
    private final Path dataDir;
    private final DiscoveryPrefix prefix;
    private PublishedRecord record;
    /** Per portal, the state last published: its configs went out this run once it has one. */
    private final Map<DeviceId, String> states = new HashMap<>();
    private final Map<DeviceId, Boolean> online = new HashMap<>();

    /** Discovery under {@code prefix}; nothing is published before {@link #begin()}. */
    public HomeAssistantDiscovery(BrokerLink link, Store store, Path dataDir, DiscoveryPrefix prefix) {
        this.link = link;
        this.store = store;
        this.dataDir = dataDir;
        this.prefix = prefix;
    }

    /**
     * Call once the link is up, before any portal document: configs an earlier run left under another prefix
     * are taken back; each portal's configs go out again with its first document of this run.
     */
    public void begin() {
        Optional<PublishedRecord> earlier = PublishedRecord.load(dataDir);
        earlier.filter(r -> !r.prefix().equals(prefix)).ifPresent(r -> Removal.take(link, r));
        record = earlier.filter(r -> r.prefix().equals(prefix)).orElse(new PublishedRecord(prefix, Set.of()));
        save(record);
        LOG.info("Home Assistant discovery under {}/", prefix);
    }

    /**
     * A bridge run without {@code --homeassistant}: takes back whatever configs and states an earlier run left
     * retained (call once the link is up). The record stays if the broker did not confirm every removal, so the
     * next run tries again.
     */
    public static void removeLeftovers(BrokerLink link, Path dataDir) {
        PublishedRecord.load(dataDir).ifPresent(r -> {
            if (Removal.take(link, r)) {
                try {
                    PublishedRecord.delete(dataDir);
                } catch (IOException e) {
                    LOG.warn("could not delete {}: {}", PublishedRecord.FILE, e.toString());
                }
            }
        });
    }

    @Override
    public void portal(PortalState portal) {
        DeviceId device = DeviceId.of(portal.deviceId());
        online.put(device, portal.online());
        publishState(device);
    }

    @Override
    public void events(List<GameEvent> events, long publishedMillis) {
        Set<DeviceId> changed = new java.util.LinkedHashSet<>();
        for (GameEvent event : events) {
            DeviceId device = DeviceId.of(event.deviceId());
            switch (event.type()) {
                case "placed" -> {
                    changed.add(device);
                    if (states.containsKey(device)) {
                        publish(PortalEntities.of(prefix, device).tagScans(),
                                event.uid().getBytes(StandardCharsets.US_ASCII), false);
                    }
                }
                case "removed" -> changed.add(device);
                default -> {
                }
            }
        }
        changed.forEach(this::publishState);
    }

    /** The portal's state, and its configs first if this run has not published them yet. */
    private void publishState(DeviceId device) {
        if (record == null || !online.containsKey(device)) {
            return; // not begun, or no document of it yet this run: its configs come with the first
        }
        PortalEntities entities = PortalEntities.of(prefix, device);
        if (!states.containsKey(device)) {
            announce(entities);
            if (!record.devices().contains(device)) {
                return;
            }
        }
        ObjectNode state = MAPPER.createObjectNode();
        state.put("online", online.get(device) ? "ON" : "OFF");
        int toys = store.inTransaction(tx -> tx.placements(device.value()).size());
        state.put("toys", toys);
        String text = state.toString();
        if (!text.equals(states.put(device, text))) {
            publish(entities.state(), text.getBytes(StandardCharsets.UTF_8), true);
        }
    }

    private void announce(PortalEntities entities) {
        if (!record.devices().contains(entities.device())) {
            PublishedRecord more = record.with(entities.device());
            if (!save(more)) {
                return; // unrecorded configs could never be taken back: none goes out (tried again next change)
            }
            record = more;
        }
        publish(entities.connectivityConfig(), bytes(DiscoveryConfigs.connectivity(entities)), true);
        publish(entities.toysConfig(), bytes(DiscoveryConfigs.toys(entities)), true);
        publish(entities.tagScannerConfig(), bytes(DiscoveryConfigs.tagScanner(entities)), true);
    }

    /** Writes the record; false (and logged) when the data directory refuses it. */
    private boolean save(PublishedRecord next) {
        try {
            next.save(dataDir);
            return true;
        } catch (IOException e) {
            LOG.error("could not record the Home Assistant configs in {} ({}): no new portal is announced", dataDir,
                    e.toString());
            return false;
        }
    }

    private void publish(Topic topic, byte[] payload, boolean retained) {
        link.publish(topic, payload, Qos.AT_LEAST_ONCE, retained).exceptionally(e -> {
            LOG.warn("could not publish to {}: {}", topic, e.getMessage());
            return null;
        });
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
