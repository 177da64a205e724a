package dev.portal.system.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.homeassistant.DiscoveryPrefix;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.id.Uid;
import dev.portal.system.support.Certificates;
import dev.portal.system.support.MqttProbe;
import dev.portal.system.support.PortalFrames;
import dev.portal.system.support.ShippedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge's Home Assistant discovery on the shipped Mosquitto configuration (the bridge as portal-bridge,
 * Home Assistant as home-assistant), checked against the rules Home Assistant documents for MQTT discovery:
 * the topic layout {@code <prefix>/<component>/[<node_id>/]<object_id>/config} with ids of
 * {@code [a-zA-Z0-9_-]}, a retained JSON object per entity, the keys each component requires (a state topic
 * for sensors, a topic and a device for a tag scanner), a device with identifiers shared by the portal's
 * entities. Then what Home Assistant would see as a toy is placed and lifted, and that a bridge run without the
 * option takes every config back.
 */
class HomeAssistantDiscoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONFIG_TOPIC =
            Pattern.compile("homeassistant/(binary_sensor|sensor|tag)/(?:[a-zA-Z0-9_-]+/)?[a-zA-Z0-9_-]+/config");
    /** The keys each component may have here (documented ones; the bridge uses no abbreviations). */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "binary_sensor", Set.of("name", "unique_id", "device", "device_class", "state_topic", "value_template",
                    "payload_on", "payload_off"),
            "sensor", Set.of("name", "unique_id", "device", "state_topic", "value_template", "state_class", "icon"),
            "tag", Set.of("topic", "value_template", "device"));
    private static final String DEVICE = "den.1_a"; // a dot and an underscore, which object ids cannot hold as such
    private static final byte[] UID = HexFormat.of().parseHex("04A1B2C3D4E5F6");

    @TempDir
    Path dir;

    @Test
    void portalsBecomeDevicesTheirToysTagScansAndTheConfigsGoWithTheOption() throws Exception {
        Certificates.make(dir.resolve("broker/certs"));
        List<String> users = List.of(DEVICE, "portal-bridge", "home-assistant");
        Path data = dir.resolve("bridge");
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), users)) {
            BridgeConfig config = BridgeConfig.defaults(broker.bridgeSettings("ha-bridge"), data);
            try (Bridge bridge = Bridge.start(config, java.util.Optional.of(DiscoveryPrefix.DEFAULT));
                 MqttProbe homeAssistant = broker.login("home-assistant");
                 MqttProbe portal = broker.login(DEVICE)) {
                homeAssistant.subscribe("homeassistant/#");
                PortalFrames frames = new PortalFrames(DEVICE, 0x1234);
                portal.publishAndWait(frames.evtTopic(), frames.birth());

                JsonNode connectivity = config(homeAssistant, "binary_sensor");
                JsonNode toys = config(homeAssistant, "sensor");
                JsonNode scanner = config(homeAssistant, "tag");
                assertEquals("connectivity", connectivity.get("device_class").asText());
                assertEquals(connectivity.get("device"), toys.get("device"), "one device for the portal");
                assertEquals(connectivity.get("device"), scanner.get("device"));
                assertTrue(connectivity.get("device").get("name").asText().contains(DEVICE));
                assertFalse(connectivity.get("unique_id").asText().equals(toys.get("unique_id").asText()));
                String state = connectivity.get("state_topic").asText();
                assertEquals(state, toys.get("state_topic").asText());
                assertEquals("{\"online\":\"ON\",\"toys\":0}", awaitText(homeAssistant, state, "\"toys\":0"));

                portal.publishAndWait(frames.evtTopic(), frames.placed(0, 1, UID));
                String tagTopic = scanner.get("topic").asText();
                assertEquals("04A1B2C3D4E5F6", awaitText(homeAssistant, tagTopic, "04A1"), "the tag id is the UID");
                assertEquals("{\"online\":\"ON\",\"toys\":1}", awaitText(homeAssistant, state, "\"toys\":1"));
                portal.publishAndWait(frames.evtTopic(), frames.next(new TagRemoved(0, 1, Uid.of(UID), 2000)));
                awaitText(homeAssistant, state, "\"toys\":0");
                // The portal's will: the connectivity sensor goes off.
                portal.publishAndWait("portal/" + DEVICE + "/status", ("{\"state\":\"offline\",\"deviceId\":\""
                        + DEVICE + "\",\"bootId\":\"00001234\"}").getBytes(StandardCharsets.UTF_8));
                assertEquals("{\"online\":\"OFF\",\"toys\":0}", awaitText(homeAssistant, state, "OFF"));
                assertTrue(Files.exists(data.resolve("homeassistant.json")));
            }
            // Retained: Home Assistant starting now still finds every config and the state.
            try (MqttProbe later = broker.login("home-assistant", "ha-later")) {
                later.subscribe("homeassistant/#");
                config(later, "binary_sensor");
                config(later, "tag");
            }
            // The same bridge without --homeassistant: every config and state it left is taken back.
            try (Bridge bridge = Bridge.start(BridgeConfig.defaults(broker.bridgeSettings("ha-bridge"), data));
                 MqttProbe watcher = broker.login("home-assistant", "ha-watch")) {
                dev.portal.testsupport.Await.until("the bridge to take its configs back",
                        () -> !Files.exists(data.resolve("homeassistant.json")), WAIT);
                watcher.subscribe("homeassistant/#");
                // Home Assistant's own birth: anything retained under the prefix would have come before it.
                watcher.publishAndWait("homeassistant/status", "online".getBytes(StandardCharsets.UTF_8));
                assertTrue(watcher.await(r -> r.topic().equals("homeassistant/status"), WAIT).isPresent());
                assertEquals(List.of("homeassistant/status"), watcher.received().stream()
                        .map(MqttProbe.Received::topic).toList(), "nothing retained is left under homeassistant/");
            }
        }
    }

    /** The component's config: on a topic of the documented layout, a JSON object with the keys it requires. */
    private static JsonNode config(MqttProbe homeAssistant, String component) throws Exception {
        MqttProbe.Received received = homeAssistant.await(r -> r.topic().startsWith("homeassistant/" + component + "/")
                && r.topic().endsWith("/config"), WAIT).orElseThrow(() -> new AssertionError("no " + component
                + " config; got " + homeAssistant.received().stream().map(MqttProbe.Received::topic).toList()));
        assertTrue(CONFIG_TOPIC.matcher(received.topic()).matches(), received.topic());
        JsonNode config = JSON.readTree(received.payload());
        assertTrue(config.isObject(), received.text());
        config.fieldNames().forEachRemaining(key -> assertTrue(KEYS.get(component).contains(key),
                component + " has no key " + key));
        JsonNode device = config.get("device");
        assertTrue(device != null && device.get("identifiers").isArray() && !device.get("identifiers").isEmpty(),
                "a device with identifiers: " + config);
        if (component.equals("tag")) {
            assertTrue(config.get("topic").isTextual(), "a tag scanner needs its topic: " + config);
        } else {
            assertTrue(config.get("state_topic").isTextual(), "a sensor needs its state topic: " + config);
            assertTrue(config.get("unique_id").isTextual(), "an entity of a device needs a unique id: " + config);
        }
        return config;
    }

    /** The newest message on {@code topic} holding {@code contains}, as text. */
    private static String awaitText(MqttProbe probe, String topic, String contains) throws InterruptedException {
        return probe.await(r -> r.topic().equals(topic) && r.text().contains(contains), WAIT)
                .orElseThrow(() -> new AssertionError("nothing on " + topic + " with " + contains + "; got "
                        + probe.received().stream().map(r -> r.topic() + " " + r.text()).toList()))
                .text();
    }
}
