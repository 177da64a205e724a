package dev.portal.device.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("portal.json"), json);
    }

    @Test
    void aGoodConfigLoadsWithDefaultsAndPathsRelativeToTheFile() throws Exception {
        DeviceConfig c = ConfigLoader.load(write("""
                {"deviceId": "shop-7",
                 "mqtt": {"uri": "ssl://broker:8883", "username": "portal"},
                 "pads": [{"chipSelect": 0, "resetGpio": 25, "led": {"red": 17, "green": 27, "blue": 22}}, {"chipSelect": 1}]}"""));
        assertEquals("shop-7", c.deviceId());
        assertEquals("portal-shop-7", c.mqtt().clientId());
        assertTrue(c.mqtt().tls().isPresent(), "ssl:// turns TLS on with the JDK's trust store");
        assertEquals(dir.resolve("outbox"), c.outbox().directory());
        assertEquals(2, c.pads().size());
        assertEquals(20, c.runtime().pollHz());
        assertEquals(3, c.runtime().removalMissThreshold());
        assertEquals(8, c.maxToys());
    }

    @Test
    void everyProblemIsListedOnItsOwnLine() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write("""
                {"deviceId": "bad/id", "pollHz": 0, "colour": "red", "fleetKeyFile": "missing.key",
                 "mqtt": {"uri": "http://x", "keepAliveSeconds": "soon", "tls": {"certPem": "c.pem"}},
                 "outbox": {"segmentBytes": 1000000, "maxBytes": 20000},
                 "pads": [{"chipSelect": 0}, {"chipSelect": 0}, {"spiBus": 9}]}""")));
        List<String> p = e.problems();
        String all = String.join("\n", p);
        for (String expected : List.of("deviceId", "pollHz must be 1..100", "colour: unknown setting",
                "fleetKeyFile: portals hold no toy key", "mqtt.uri must start with tcp:// or ssl://", "mqtt.keepAliveSeconds",
                "mqtt.tls.certPem: cannot read", "certPem and keyPem go together", "outbox.maxBytes",
                "chip select 0 is used twice", "pads[2].spiBus must be 0..6")) {
            assertTrue(all.contains(expected), "missing '" + expected + "' in:\n" + all);
        }
        assertTrue(p.size() >= 11, all);
        assertTrue(p.stream().noneMatch(l -> l.contains("\n")), "one line each");
    }

    @Test
    void aConfigThatStillNamesAFleetKeyIsRefusedAndSaysWhereTheKeyBelongs() throws Exception {
        Files.writeString(dir.resolve("fleet.key"), "0123456789abcdef".repeat(4));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write("""
                {"deviceId": "shop-7", "fleetKeyFile": "fleet.key", "pads": [{"chipSelect": 0}]}""")));
        assertEquals(List.of("fleetKeyFile: portals hold no toy key since protocol 1.1 (the host judges and signs toy"
                + " records); remove the setting and the key file from the portal, the key belongs on the host (host"
                + " bridge --toy-key-file)"), e.problems(), "one problem, no 'unknown setting' besides it");
    }

    @Test
    void brokenJsonSaysWhere() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write("{\n \"deviceId\": ,\n}")));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).contains("line 2"), e.problems().get(0));
    }

    @Test
    void runtimeChangesApplyAllOrNothing() {
        RuntimeSettings r = RuntimeSettings.DEFAULTS;
        ConfigException e = assertThrows(ConfigException.class,
                () -> r.apply(2, java.util.Map.of("pollHz", "50", "removalMissThreshold", "0")));
        assertEquals(1, e.problems().size());
        assertEquals(20, r.pollHz());
    }
}
