package dev.portal.device;

import dev.portal.device.config.ReaderChip;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArgumentsTest {
    @Test
    void aToyKeyFileIsForTheSimulatedToyFactoryOnly() {
        Arguments sim = Arguments.parse(new String[] {"--simulate", "--toy-key-file", "toys.key"});
        assertEquals(Optional.of(Path.of("toys.key")), sim.toyKeyFile());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arguments.parse(new String[] {"--config", "portal.json", "--toy-key-file", "toys.key"}));
        assertEquals("--toy-key-file needs --simulate: a portal holds no toy key, the host does", e.getMessage());
    }

    @Test
    void theMetricsPageIsOffUnlessAPortIsGiven() {
        assertEquals(Optional.empty(), Arguments.parse(new String[] {"--config", "portal.json"}).metricsPort());
        assertEquals(Optional.of(9481),
                Arguments.parse(new String[] {"--config", "portal.json", "--metrics-port", "9481"}).metricsPort());
        for (String bad : new String[] {"0", "65536", "http", "-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Arguments.parse(new String[] {"--config", "portal.json", "--metrics-port", bad}));
            assertEquals("--metrics-port needs a port number 1..65535, not '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void aChipIsChosenForASimulatorWithoutConfigOnly() {
        assertEquals(Optional.of(ReaderChip.PN532),
                Arguments.parse(new String[] {"--simulate", "--chip", "pn532"}).chip());
        assertEquals(Optional.empty(), Arguments.parse(new String[] {"--simulate"}).chip(), "MFRC522 unless told");
        assertEquals("--chip must be mfrc522 or pn532, not 'rc522'", assertThrows(IllegalArgumentException.class,
                () -> Arguments.parse(new String[] {"--simulate", "--chip", "rc522"})).getMessage());
        assertEquals("--chip is for --simulate without --config (a config names each pad's reader)",
                assertThrows(IllegalArgumentException.class, () -> Arguments.parse(
                        new String[] {"--simulate", "--config", "portal.json", "--chip", "pn532"})).getMessage());
    }
}
