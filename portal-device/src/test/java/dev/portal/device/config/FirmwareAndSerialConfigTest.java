package dev.portal.device.config;

import dev.portal.device.firmware.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** The firmware, serial and dataDirectory settings: defaults, the places they lead to, and their errors. */
class FirmwareAndSerialConfigTest {
    @TempDir
    Path dir;

    private DeviceConfig load(String json) throws Exception {
        return ConfigLoader.load(Files.writeString(dir.resolve("portal.json"), json));
    }

    @Test
    void firmwareAndSerialAreOffUntilConfiguredAndEverythingLivesUnderTheDataDirectory() throws Exception {
        DeviceConfig c = load("""
                {"deviceId": "p1", "dataDirectory": "var", "pads": [{"chipSelect": 0}]}""");
        Path data = dir.resolve("var");
        assertEquals(data, c.dataDirectory());
        assertEquals(data.resolve("firmware"), c.firmware().directory());
        assertEquals(data.resolve("state"), c.stateDirectory());
        assertEquals(data.resolve("outbox"), c.outbox().directory());
        assertFalse(c.firmware().updatesEnabled());
        assertEquals(Duration.ofSeconds(60), c.firmware().healthDeadline());
        assertTrue(c.serial().isEmpty());
    }

    @Test
    void aFirmwareKeyAndASerialPortAreTakenAsGiven() throws Exception {
        Files.writeString(dir.resolve("firmware.pub"), Ed25519Keys.toPem(Ed25519Keys.generate().getPublic()));
        DeviceConfig c = load("""
                {"deviceId": "p1", "pads": [{"chipSelect": 0}],
                 "firmware": {"publicKeyFile": "firmware.pub", "healthDeadlineSeconds": 90, "maxImageBytes": 1048576},
                 "serial": {"port": "/dev/ttyUSB0", "baud": 57600}}""");
        assertTrue(c.firmware().updatesEnabled());
        assertEquals(Duration.ofSeconds(90), c.firmware().healthDeadline());
        assertEquals(1 << 20, c.firmware().maxImageBytes());
        assertEquals(dir.resolve("firmware"), c.firmware().directory(), "data directory defaults to the config's folder");
        assertEquals(new SerialConfig("/dev/ttyUSB0", 57600), c.serial().orElseThrow());
        assertEquals(115_200, load("""
                {"deviceId": "p1", "pads": [{"chipSelect": 0}], "serial": {"port": "/dev/ttyAMA0"}}""").serial().orElseThrow().baud());
    }

    @Test
    void badFirmwareAndSerialSettingsAreEachReported() throws Exception {
        Files.writeString(dir.resolve("not-a-key.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                {"deviceId": "p1", "pads": [{"chipSelect": 0}],
                 "firmware": {"publicKeyFile": "not-a-key.pub", "healthDeadlineSeconds": 1, "maxImageBytes": 10, "url": "x"},
                 "serial": {"baud": 12345}}"""));
        String all = String.join("\n", e.problems());
        for (String expected : new String[] {"firmware.publicKeyFile: ", "is not an Ed25519 public key in PEM",
                "firmware.healthDeadlineSeconds must be 5..3600", "firmware.maxImageBytes must be",
                "firmware.url: unknown setting", "serial.baud must be one of", "serial.baud needs serial.port"}) {
            assertTrue(all.contains(expected), "missing '" + expected + "' in:\n" + all);
        }
        ConfigException missing = assertThrows(ConfigException.class, () -> load("""
                {"deviceId": "p1", "pads": [{"chipSelect": 0}], "firmware": {"publicKeyFile": "nowhere.pub"}}"""));
        assertTrue(missing.problems().get(0).startsWith("firmware.publicKeyFile: cannot read "), missing.problems().toString());

        Files.writeString(dir.resolve("firmware.pub"), Ed25519Keys.toPem(Ed25519Keys.generate().getPublic()));
        Files.writeString(dir.resolve("a-file"), "not a folder");
        ConfigException unwritable = assertThrows(ConfigException.class, () -> load("""
                {"deviceId": "p1", "pads": [{"chipSelect": 0}], "dataDirectory": "a-file", "stateDirectory": "s",
                 "outbox": {"directory": "o"}, "firmware": {"publicKeyFile": "firmware.pub"}}"""));
        assertTrue(String.join("\n", unwritable.problems()).contains("cannot be written; set dataDirectory"),
                unwritable.problems().toString());
    }

    @Test
    void aTechnicianKeyIsReadAtStartAndItsProblemsReported() throws Exception {
        var key = Ed25519Keys.generate().getPublic();
        Files.writeString(dir.resolve("technician.pub"), Ed25519Keys.toPem(key));
        DeviceConfig c = load("""
                {"deviceId": "p1", "pads": [{"chipSelect": 0}],
                 "serial": {"port": "/dev/ttyUSB0", "technicianPublicKeyFile": "technician.pub"}}""");
        assertEquals(key, c.serial().orElseThrow().technicianKey().orElseThrow());
        assertTrue(load("""
                {"deviceId": "p1", "pads": [{"chipSelect": 0}], "serial": {"port": "/dev/ttyUSB0"}}""")
                .serial().orElseThrow().technicianKey().isEmpty(), "no key: a read-only cable");

        Files.writeString(dir.resolve("not-a-key.pub"), "hello");
        ConfigException bad = assertThrows(ConfigException.class, () -> load("""
                {"deviceId": "p1", "pads": [{"chipSelect": 0}],
                 "serial": {"port": "/dev/ttyUSB0", "technicianPublicKeyFile": "not-a-key.pub"}}"""));
        assertTrue(bad.problems().get(0).startsWith("serial.technicianPublicKeyFile: ")
                && bad.problems().get(0).contains("make one with 'portalctl token keygen'"), bad.problems().toString());
        ConfigException noPort = assertThrows(ConfigException.class, () -> load("""
                {"deviceId": "p1", "pads": [{"chipSelect": 0}], "serial": {"technicianPublicKeyFile": "technician.pub"}}"""));
        assertTrue(noPort.problems().contains("serial.technicianPublicKeyFile needs serial.port"), noPort.problems().toString());
    }
}
