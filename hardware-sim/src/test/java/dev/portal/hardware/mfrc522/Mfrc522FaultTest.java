package dev.portal.hardware.mfrc522;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.ReaderFault;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.hardware.reader.Uid;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import dev.portal.hardware.sim.mfrc522.Mfrc522Model;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.pi4j.ModelSpiProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Mfrc522FaultTest {
    private static final Uid UID = Uid.parse("04A1B2C3D4E5F6");

    @Test
    void tagRemovedMidReadFailsWithNoTag() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Ntag21x tag = new Ntag21x(NtagType.NTAG215, UID);
            rig.portal.place(tag, 0);
            try (TagSession s = rig.reader().select(UID)) {
                s.fastRead(4, 30);
                rig.portal.remove(tag);
                ReaderException e = assertThrows(ReaderException.class, () -> s.fastRead(31, 60));
                assertEquals(Failure.NO_TAG, e.failure());
            }
        }
    }

    @Test
    void bitErrorsAreReportedAsCrcFailuresAndNeverAsWrongData() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Ntag21x tag = new Ntag21x(NtagType.NTAG213, UID);
            rig.field().add(tag);
            byte[] expected = Arrays.copyOfRange(tag.dump(), 16, 32);
            rig.field().faults().bitErrors(0.002);
            Map<Failure, Integer> failures = new EnumMap<>(Failure.class);
            int good = 0;
            for (int i = 0; i < 300; i++) {
                try (TagSession s = rig.reader().select(UID)) {
                    assertArrayEquals(expected, s.readPages(4));
                    good++;
                } catch (ReaderException e) {
                    failures.merge(e.failure(), 1, Integer::sum);
                }
            }
            assertTrue(good > 100, "most reads succeed: " + good + ", failures " + failures);
            assertTrue(failures.getOrDefault(Failure.CRC, 0) > 0, "CRC failures seen: " + failures);
            assertTrue(rig.reader().health().crcErrors() > 0);
        }
    }

    @Test
    void missedAnswersShowAsAnEmptyFieldOrATimeoutNotAsData() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            rig.field().add(new MifareClassic1k(Uid.parse("01020304")));
            rig.field().faults().missedAnswers(1.0);
            assertTrue(rig.reader().scan().isEmpty());
            assertEquals(Failure.NO_TAG, assertThrows(ReaderException.class,
                    () -> rig.reader().select(Uid.parse("01020304"))).failure());
            rig.field().faults().missedAnswers(0.1);
            int found = 0;
            for (int i = 0; i < 50; i++) {
                try {
                    found += rig.reader().scan().size();
                } catch (ReaderException e) {
                    assertTrue(e.failure() == Failure.TIMEOUT || e.failure() == Failure.PROTOCOL, e.getMessage());
                }
            }
            assertTrue(found > 10 && found <= 50, "found " + found);
            assertTrue(rig.reader().health().timeouts() > 0);
        }
    }

    @Test
    void aCrowdedPadIsStillScannedWhenAFewAnswersAreLostOrGarbled() throws Exception {
        // Six toys on one pad: a scan exchanges about 40 frames, so 1 % lost answers and some bit errors
        // would spoil a third of the scans if one bad exchange ended the scan; the reader starts the round
        // again instead.
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            java.util.Set<Uid> all = new java.util.HashSet<>();
            for (int i = 0; i < 6; i++) {
                Uid uid = Uid.parse(String.format("04%02X1122334455", i * 37));
                all.add(uid);
                rig.field().add(new Ntag21x(NtagType.NTAG215, uid));
            }
            rig.field().faults().missedAnswers(0.01).bitErrors(0.0001);
            int complete = 0;
            int failed = 0;
            for (int i = 0; i < 200; i++) {
                try {
                    java.util.List<TagInfo> found = rig.reader().scan();
                    java.util.Set<Uid> uids = found.stream().map(TagInfo::uid)
                            .collect(java.util.stream.Collectors.toSet());
                    assertEquals(found.size(), uids.size(), "each tag once: " + found);
                    assertTrue(all.containsAll(uids), "only real UIDs: " + uids);
                    complete += uids.equals(all) ? 1 : 0;
                } catch (ReaderException e) {
                    failed++;
                }
            }
            assertTrue(complete >= 190, "complete scans: " + complete + " of 200, " + failed + " failed");
            assertEquals(0, rig.reader().health().stalls(), "noise on the air is never taken for a hung chip");
        }
    }

    @Test
    void spuriousCollisionsNeverYieldAWrongUid() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Uid a = Uid.parse("04112233445566");
            Uid b = Uid.parse("5A6B7C8D");
            rig.field().add(new Ntag21x(NtagType.NTAG213, a));
            rig.field().add(new MifareClassic1k(b));
            rig.field().faults().collisions(0.2);
            int complete = 0;
            for (int i = 0; i < 100; i++) {
                try {
                    java.util.Set<Uid> found = rig.reader().scan().stream().map(t -> t.uid())
                            .collect(java.util.stream.Collectors.toSet());
                    assertTrue(java.util.Set.of(a, b).containsAll(found), "only real UIDs: " + found);
                    complete += found.size() == 2 ? 1 : 0;
                } catch (ReaderException e) {
                    assertTrue(e.failure() != Failure.BUS_DEAD, e.getMessage());
                }
            }
            assertTrue(complete > 10, "complete scans: " + complete);
            assertEquals(0, rig.reader().health().stalls(), "noise on the air is never taken for a hung chip");
        }
    }

    @Test
    void lateAnswersBeyondTheChipTimerAreTimeouts() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            rig.field().add(new Ntag21x(NtagType.NTAG213, UID));
            rig.field().faults().stalls(1.0, 5_000); // 5 ms late: past the 1 ms activation timer
            assertTrue(rig.reader().scan().isEmpty());
            rig.field().faults().clear();
            try (TagSession s = rig.reader().select(UID)) {
                rig.field().faults().stalls(1.0, 10_000); // within the 25 ms command timer
                assertEquals(16, s.readPages(4).length);
                rig.field().faults().stalls(1.0, 40_000);
                assertThrows(ReaderException.class, () -> s.readPages(4));
            }
        }
    }

    @Test
    void deadBusIsReportedResetAndRecovered() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            rig.field().add(new MifareClassic1k(Uid.parse("01020304")));
            assertEquals(1, rig.reader().scan().size());
            long hardResets = rig.chip().hardResets();
            rig.chip().busFaults().busDead(true);
            ReaderException e = assertThrows(ReaderException.class, () -> rig.reader().scan());
            assertEquals(Failure.BUS_DEAD, e.failure());
            assertTrue(rig.chip().hardResets() > hardResets, "the reset line was pulsed");
            ReaderFault fault = rig.faults.getLast();
            assertEquals(Failure.BUS_DEAD, fault.failure());
            assertFalse(fault.recovered());
            assertEquals(Failure.BUS_DEAD, assertThrows(ReaderException.class, () -> rig.reader().scan()).failure());
            assertTrue(rig.reader().health().busDead() >= 2);

            rig.chip().busFaults().busDead(false);
            assertEquals(1, rig.reader().scan().size());
            assertTrue(rig.faults.getLast().recovered(), "recovery reported: " + rig.faults);
            assertEquals("2.0", rig.reader().chipInfo().version());
        }
    }

    @Test
    void readerOpenedOnADeadBusReportsAndComesUpLater() throws Exception {
        RfField field = new RfField();
        field.add(new MifareClassic1k(Uid.parse("01020304")));
        Mfrc522Model chip = new Mfrc522Model(field);
        chip.busFaults().busDead(true);
        ModelSpiProvider provider = new ModelSpiProvider().attach(0, 0, chip);
        Context context = Pi4J.newContextBuilder().add(provider).build();
        try {
            List<ReaderFault> faults = new ArrayList<>();
            Mfrc522Reader late = new Mfrc522ReaderFactory(context, ModelSpiProvider.ID, 0, 1_000_000)
                    .open(new Mfrc522ReaderFactory.PadWiring(0, null), Mfrc522Options.DEFAULT.withListener(faults::add));
            assertEquals(1, faults.size());
            assertEquals(Failure.BUS_DEAD, faults.getFirst().failure());
            assertEquals("not initialised", late.chipInfo().version());
            assertEquals(Failure.BUS_DEAD, assertThrows(ReaderException.class, late::scan).failure());
            chip.busFaults().busDead(false);
            assertEquals(1, late.scan().size());
            assertTrue(faults.getLast().recovered());
            assertEquals(3, late.health().resets(), "resets tried: on open, before the failed scan, before the good one");
            assertEquals(1, chip.softResets(), "only the last one reached the chip");
        } finally {
            context.shutdown();
        }
    }
}
