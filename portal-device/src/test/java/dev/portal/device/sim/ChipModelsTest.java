package dev.portal.device.sim;

import dev.portal.hardware.sim.rf.VirtualPortal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChipModelsTest {
    @Test
    void probesAModelClassThatExists() {
        assertEquals(VirtualPortal.class.getName(), ChipModels.PROBE, "a renamed model class must be probed under its new name");
        assertTrue(ChipModels.onClassPath(), "hardware-sim is on the test class path");
    }
}
