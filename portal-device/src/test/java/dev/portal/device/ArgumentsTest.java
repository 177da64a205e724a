package dev.portal.device;

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
}
