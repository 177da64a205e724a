package dev.portal.bridge.homeassistant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The discovery configs of one portal, as Home Assistant's MQTT integration reads them: every entity has a
 * {@code unique_id} and the same {@code device} (identified by the device id), so the three appear together as
 * one device; the sensors read the portal's retained state topic, the tag scanner its scans topic.
 */
final class DiscoveryConfigs {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DiscoveryConfigs() {
    }

    /** A binary sensor of class connectivity: on while the bridge hears the portal online. */
    static ObjectNode connectivity(PortalEntities portal) {
        ObjectNode config = entity(portal, "connectivity", "Online");
        config.put("device_class", "connectivity");
        config.put("state_topic", portal.state().value());
        config.put("value_template", "{{ value_json.online }}");
        config.put("payload_on", "ON");
        config.put("payload_off", "OFF");
        return config;
    }

    /** A sensor of the number of toys on the portal now. */
    static ObjectNode toys(PortalEntities portal) {
        ObjectNode config = entity(portal, "toys", "Toys on it");
        config.put("state_topic", portal.state().value());
        config.put("value_template", "{{ value_json.toys }}");
        config.put("state_class", "measurement");
        config.put("icon", "mdi:toy-brick");
        return config;
    }

    /** A tag scanner: each message on the scans topic is a tag scanned, its payload the tag id (the toy's UID). */
    static ObjectNode tagScanner(PortalEntities portal) {
        ObjectNode config = JSON.objectNode();
        config.put("topic", portal.tagScans().value());
        config.set("device", device(portal));
        return config;
    }

    private static ObjectNode entity(PortalEntities portal, String what, String name) {
        ObjectNode config = JSON.objectNode();
        config.put("name", name);
        config.put("unique_id", "portal_" + portal.objectId() + "_" + what);
        config.set("device", device(portal));
        return config;
    }

    private static ObjectNode device(PortalEntities portal) {
        ObjectNode device = JSON.objectNode();
        device.putArray("identifiers").add("portal_" + portal.objectId());
        device.put("name", "Portal " + portal.device().value());
        device.put("manufacturer", "Portal");
        device.put("model", "toys-to-life portal");
        return device;
    }
}
