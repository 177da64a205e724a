package dev.portal.device.sim;

import dev.portal.device.config.DeviceConfig;
import dev.portal.protocol.toy.FleetKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The simulator without a config file: a portal config without a key, and the factory's key left for the host. */
class SimulatedPortalConfigTest {
    @TempDir
    Path dir;

    @Test
    void theSimulatorsConfigNamesNoKeyAndLeavesTheSampleToysKeyForTheHost() throws Exception {
        DeviceConfig config = SimulatedPortal.config(dir, "tcp://127.0.0.1:1", 2);
        assertEquals(2, config.pads().size(), "a config the loader accepts: it names no toy key");
        FleetKey left = FleetKey.fromFile(dir.resolve(SimulatedPortal.TOY_KEY_FILE));
        assertEquals(SimulatedPortal.factoryKey(Optional.empty()).id(), left.id(),
                "a host given that file judges the sample toys as the factory made them");
    }
}
