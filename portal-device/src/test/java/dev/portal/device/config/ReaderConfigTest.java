package dev.portal.device.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each pad names its reader chip and bus in portal.json; what no driver can open is refused, one line each. */
class ReaderConfigTest {
    @TempDir
    Path dir;

    private DeviceConfig load(String pads) throws Exception {
        return ConfigLoader.load(Files.writeString(dir.resolve("portal.json"),
                "{\"deviceId\": \"p1\", \"pads\": " + pads + "}"));
    }

    private List<String> problems(String pads) {
        return assertThrows(ConfigException.class, () -> load(pads)).problems();
    }

    @Test
    void padsNameTheirReadersAndOldPadsStayMfrc522OnSpi() throws Exception {
        DeviceConfig c = load("""
                [{"chipSelect": 1, "resetGpio": 25},
                 {"reader": {"chip": "pn532", "bus": "uart", "port": "/dev/ttyS0"}},
                 {"reader": {"chip": "pn532", "bus": "i2c", "i2cBus": 1, "address": "0x24"}},
                 {"reader": {"chip": "pn532", "bus": "i2c", "address": 37}},
                 {"reader": {"chip": "mfrc522", "spiBus": 1, "chipSelect": 0, "spiSpeedHz": 4000000}}]""");
        assertEquals(List.of(new ReaderWiring.Mfrc522Spi(0, 1, 1_000_000, 25), new ReaderWiring.Pn532Uart("/dev/ttyS0"),
                new ReaderWiring.Pn532I2c(1, 0x24), new ReaderWiring.Pn532I2c(1, 0x25),
                new ReaderWiring.Mfrc522Spi(1, 0, 4_000_000, -1)), c.pads().stream().map(PadConfig::reader).toList());
        assertEquals("pn532 on i2c bus 1 address 0x24", c.pads().get(2).reader().describe());
    }

    @Test
    void aChipOnABusItsDriverDoesNotSpeakIsRefusedWithTheReason() {
        assertEquals(List.of("pads[0].reader: the pn532 is supported on uart or i2c, not spi (its driver has no SPI"
                + " transport); set the board's switches to HSU or I2C"), problems("""
                [{"reader": {"chip": "pn532", "bus": "spi"}}]"""));
        assertEquals(List.of("pads[0].reader: the mfrc522 is wired on spi (its driver speaks SPI only), not 'uart'"),
                problems("""
                [{"reader": {"chip": "mfrc522", "bus": "uart"}}]"""));
        assertEquals(List.of("pads[0].reader.bus is required for a pn532: uart or i2c"), problems("""
                [{"reader": {"chip": "pn532", "port": "/dev/ttyS0"}}]"""));
        assertEquals(List.of("pads[0].reader.port is required for a pn532 on uart (e.g. /dev/ttyS0, /dev/ttyUSB0)"),
                problems("""
                [{"reader": {"chip": "pn532", "bus": "uart"}}]"""));
        assertEquals(List.of("pads[0].reader.chip must be mfrc522 or pn532, not 'rc663'"), problems("""
                [{"reader": {"chip": "rc663", "bus": "spi"}}]"""));
        assertEquals(List.of("pads[0].reader.chip is required (mfrc522 or pn532)"), problems("""
                [{"reader": {"bus": "spi"}}]"""));
    }

    @Test
    void settingsOfAnotherBusAndWiringOutsideTheReaderObjectAreRefused() {
        String all = String.join("\n", problems("""
                [{"chipSelect": 2, "reader": {"chip": "pn532", "bus": "uart", "port": "/dev/ttyS0", "address": 36}},
                 {"reader": {"chip": "pn532", "bus": "i2c", "address": "0x80"}},
                 {"reader": {"chip": "pn532", "bus": "i2c", "address": "near"}}]"""));
        for (String expected : List.of(
                "pads[0].chipSelect: with a reader object the wiring goes inside it (pads[0].reader.chipSelect)",
                "pads[0].reader.address: unknown setting (known: bus, chip, port)",
                "pads[1].reader.address must be a 7-bit I2C address 0x03..0x77, not \"0x80\"",
                "pads[2].reader.address must be a number or a hex string such as \"0x24\", not \"near\"")) {
            assertTrue(all.contains(expected), "missing '" + expected + "' in:\n" + all);
        }
    }

    @Test
    void twoPadsOnOneReaderOrAReaderOnTheConsolePortAreRefused() throws Exception {
        String all = String.join("\n", problems("""
                [{"reader": {"chip": "pn532", "bus": "uart", "port": "/dev/ttyUSB0"}},
                 {"reader": {"chip": "pn532", "bus": "uart", "port": "/dev/ttyUSB0"}},
                 {"reader": {"chip": "pn532", "bus": "i2c"}},
                 {"reader": {"chip": "pn532", "bus": "i2c", "i2cBus": 1, "address": 36}}]"""));
        assertTrue(all.contains("pads[1]: pn532 on uart /dev/ttyUSB0 is used twice"), all);
        assertTrue(all.contains("pads[3]: pn532 on i2c bus 1 address 0x24 is used twice"), all);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Files.writeString(
                dir.resolve("portal.json"), """
                {"deviceId": "p1", "serial": {"port": "/dev/ttyS0"},
                 "pads": [{"reader": {"chip": "pn532", "bus": "uart", "port": "/dev/ttyS0"}}]}""")));
        assertEquals(List.of("pads[0]: pn532 on uart /dev/ttyS0 is also serial.port, the technician's console; give"
                + " each its own port"), e.problems());
    }
}
