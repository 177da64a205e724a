package dev.portal.device.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.config.ConfigLoader;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.ReaderChip;
import dev.portal.device.sim.SimulatedPortal;
import dev.portal.testsupport.Mosquitto;

import java.nio.file.Files;
import java.nio.file.Path;

/** Service configurations for tests: N pads, a broker, a folder of their own (and no toy key: the host has it). */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static ObjectNode tree(String deviceId, Mosquitto broker, Path dir, int pads) throws Exception {
        return tree(deviceId, broker, dir, pads, ReaderChip.MFRC522);
    }

    /** As {@link #tree(String, Mosquitto, Path, int)} with {@code chip} readers on every pad. */
    public static ObjectNode tree(String deviceId, Mosquitto broker, Path dir, int pads, ReaderChip chip)
            throws Exception {
        Files.createDirectories(dir);
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("deviceId", deviceId).put("stateDirectory", "state")
                .put("heartbeatSeconds", 1);
        root.putObject("mqtt").put("uri", broker.uri()).put("backoffMinMillis", 100).put("backoffMaxMillis", 500)
                .put("connectTimeoutSeconds", 3);
        root.putObject("outbox").put("directory", "outbox").put("syncIntervalMillis", 10);
        ArrayNode arr = root.putArray("pads");
        for (int i = 0; i < pads; i++) {
            SimulatedPortal.addPad(arr, i, chip);
        }
        return root;
    }

    public static DeviceConfig config(String deviceId, Mosquitto broker, Path dir, int pads) throws Exception {
        return config(deviceId, broker, dir, pads, ReaderChip.MFRC522);
    }

    public static DeviceConfig config(String deviceId, Mosquitto broker, Path dir, int pads, ReaderChip chip)
            throws Exception {
        return ConfigLoader.fromTree(tree(deviceId, broker, dir, pads, chip), dir);
    }
}
