package dev.portal.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AntennaGainTest {

    @Test
    void theRangeIsFromTheLowestToTheHighestStep() {
        assertEquals(AntennaGain.MIN_DB, AntennaGain.STEPS.get(0).decibels());
        assertEquals(AntennaGain.MAX_DB, AntennaGain.STEPS.get(AntennaGain.STEPS.size() - 1).decibels());
        assertTrue(AntennaGain.isValid(18) && AntennaGain.isValid(30) && AntennaGain.isValid(48));
        assertFalse(AntennaGain.isValid(17) || AntennaGain.isValid(49) || AntennaGain.isValid(0));
        assertThrows(IllegalArgumentException.class, () -> new AntennaGain(49));
    }

    @Test
    void aGainBetweenStepsGoesToTheNearestAndATieToTheLowerOne() {
        assertEquals(new AntennaGain(38), new AntennaGain(36).nearestStep());
        assertEquals(new AntennaGain(23), new AntennaGain(28).nearestStep());
        assertEquals(new AntennaGain(43), new AntennaGain(43).nearestStep());
    }
}
