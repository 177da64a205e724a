package dev.portal.bridge.homeassistant;

import dev.portal.link.DeviceId;
import dev.portal.link.Topic;

import java.util.List;

/**
 * Where one portal lives in Home Assistant's MQTT topics: the discovery configs of its connectivity sensor, its
 * toys sensor and its tag scanner ({@code PREFIX/COMPONENT/portal/OBJECT/config}, the layout Home Assistant's
 * discovery reads), the retained state both sensors read, and the topic each placement's tag id goes to.
 *
 * @param objectId the device id as a discovery object id: Home Assistant allows only {@code [a-zA-Z0-9_-]} there,
 *                 a device id may hold dots too, so {@code _} is written {@code __} and {@code .} is written
 *                 {@code _d}, which keeps two portals apart whatever their ids
 */
record PortalEntities(DiscoveryPrefix prefix, DeviceId device, String objectId) {
    /** The node id of every topic the bridge publishes: the configs of one bridge's portals sit together. */
    static final String NODE = "portal";

    static PortalEntities of(DiscoveryPrefix prefix, DeviceId device) {
        return new PortalEntities(prefix, device, objectId(device));
    }

    static String objectId(DeviceId device) {
        StringBuilder id = new StringBuilder();
        for (char c : device.value().toCharArray()) {
            switch (c) {
                case '_' -> id.append("__");
                case '.' -> id.append("_d");
                default -> id.append(c);
            }
        }
        return id.toString();
    }

    Topic connectivityConfig() {
        return config("binary_sensor");
    }

    Topic toysConfig() {
        return config("sensor");
    }

    Topic tagScannerConfig() {
        return config("tag");
    }

    /** Every retained topic of this portal: removing the integration empties each of them. */
    List<Topic> retained() {
        return List.of(connectivityConfig(), toysConfig(), tagScannerConfig(), state());
    }

    /** Retained {@code {"online":"ON"|"OFF","toys":N}}, read by both sensors. */
    Topic state() {
        return Topic.of(prefix.value() + "/" + NODE + "/" + objectId + "/state");
    }

    /** Not retained: the tag id of each toy placed on the portal, one scan a message. */
    Topic tagScans() {
        return Topic.of(prefix.value() + "/" + NODE + "/" + objectId + "/tag");
    }

    private Topic config(String component) {
        return Topic.of(prefix.value() + "/" + component + "/" + NODE + "/" + objectId + "/config");
    }
}
