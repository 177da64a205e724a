package dev.portal.hardware.mfrc522;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.hardware.sim.mfrc522.Mfrc522Model;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.reader.AntennaGain;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.SelfTestResult;
import dev.portal.hardware.reader.Uid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mfrc522ChipTest {

    @Test
    void versionTwoChipIsInitialisedAndPassesTheDigitalSelfTest() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            assertEquals("2.0", rig.reader().chipInfo().version());
            SelfTestResult result = rig.reader().selfTest();
            assertTrue(result.passed(), result.detail());
            assertTrue(rig.field().isOn(), "the reader is initialised again after the self-test");
            rig.field().add(new MifareClassic1k(Uid.parse("01020304")));
            assertEquals(1, rig.reader().scan().size());
        }
    }

    @Test
    void versionOneChipPassesWithItsOwnReference() throws Exception {
        try (Mfrc522Rig rig = new Mfrc522Rig(1, Mfrc522Model.VERSION_1_0, Mfrc522Options.DEFAULT)) {
            assertEquals("1.0", rig.reader().chipInfo().version());
            assertTrue(rig.reader().selfTest().passed());
        }
    }

    @Test
    void damagedChipFailsTheSelfTestNamingTheByte() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            rig.chip().breakSelfTest(true);
            SelfTestResult result = rig.reader().selfTest();
            assertFalse(result.passed());
            assertTrue(result.detail().contains("byte 17"), result.detail());
        }
    }

    @Test
    void cloneIsAcceptedButCannotBeSelfTested() throws Exception {
        try (Mfrc522Rig rig = new Mfrc522Rig(1, Mfrc522Model.VERSION_CLONE, Mfrc522Options.DEFAULT)) {
            assertEquals("clone 0x88", rig.reader().chipInfo().version());
            SelfTestResult result = rig.reader().selfTest();
            assertFalse(result.passed());
            assertTrue(result.detail().contains("no self-test reference"), result.detail());
        }
    }

    @ParameterizedTest
    @CsvSource({"18,18", "23,23", "33,33", "38,38", "43,43", "48,48", "40,38", "20,18", "30,33"})
    void gainIsSetToTheNearestStepAndReadBack(int asked, int expected) throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            assertEquals(33, rig.reader().antennaGain().decibels(), "reset value");
            rig.reader().setAntennaGain(new AntennaGain(asked));
            assertEquals(expected, rig.reader().antennaGain().decibels());
            rig.reader().reset();
            assertEquals(expected, rig.reader().antennaGain().decibels(), "kept across a reset");
        }
    }

    @Test
    void fieldOffPowersTagsDownAndNothingAnswers() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            rig.field().add(new MifareClassic1k(Uid.parse("01020304")));
            rig.reader().setField(false);
            assertFalse(rig.field().isOn());
            assertTrue(rig.reader().scan().isEmpty());
            rig.reader().setField(true);
            assertEquals(1, rig.reader().scan().size());
        }
    }

    @Test
    void hardResetGoesThroughTheResetLine() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            long before = rig.chip().hardResets();
            rig.reader().reset();
            assertEquals(before + 1, rig.chip().hardResets());
            assertEquals(0x3D, rig.chip().peek(Mfrc522Registers.MODE));
            assertEquals(0x40, rig.chip().peek(Mfrc522Registers.TX_ASK));
        }
    }

    @Test
    void unknownChipVersionIsRefusedAndReported() throws Exception {
        try (Mfrc522Rig rig = new Mfrc522Rig(1, 0x12, Mfrc522Options.DEFAULT)) {
            assertEquals("not initialised", rig.reader().chipInfo().version());
            assertEquals(1, rig.faults.size());
            assertEquals(ReaderException.Failure.PROTOCOL, rig.faults.getFirst().failure());
            assertTrue(rig.faults.getFirst().detail().contains("0x12"), rig.faults.getFirst().detail());
            ReaderException e = assertThrows(ReaderException.class, () -> rig.reader().scan());
            assertEquals(ReaderException.Failure.PROTOCOL, e.failure());
        }
    }
}
