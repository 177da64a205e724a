package dev.portal.protocol.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of whole tags: encode, write through a layout, read back, damage, interrupt. */
class ToyCodecPropertiesTest {

    @Provide
    Arbitrary<ToyRecord> records() {
        return ToyArbitraries.records();
    }

    @Provide
    Arbitrary<byte[]> uids() {
        return ToyArbitraries.uids();
    }

    @Property(tries = 500)
    void writtenRecordsReadBack(@ForAll("records") ToyRecord record, @ForAll("uids") byte[] uid,
                                @ForAll TagLayout layout, @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long counter) {
        byte[] image = ToyImage.encode(record, uid, TestKeys.FLEET, counter);
        assertTrue(image.length <= ToyImage.MAX_BYTES && image.length <= layout.areaBytes());
        for (Area area : Area.values()) {
            SimulatedTag tag = new SimulatedTag(layout, (byte) 0);
            tag.writeAll(layout.split(area, image));
            ToyReadResult result = tag.read(uid, TestKeys.FLEET);
            assertEquals(ToyVerdict.RECOGNISED, result.verdict(), result.reason());
            assertEquals(Optional.of(record), result.record());
            assertEquals(counter, result.writeCounter());
            assertEquals(Optional.of(area), result.winner());
        }
    }

    @Property(tries = 40)
    void everySingleBitFlipInTheImageIsDetected(@ForAll("records") ToyRecord record, @ForAll("uids") byte[] uid,
                                                @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long counter) {
        TagLayout layout = TagLayout.NTAG213;
        byte[] image = ToyImage.encode(record, uid, TestKeys.FLEET, counter);
        byte[] area = java.util.Arrays.copyOf(image, layout.areaBytes());
        for (int bit = 0; bit < image.length * 8; bit++) {
            byte[] flipped = area.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            AreaState state = SaveAreas.inspect(layout, flipped, uid, TestKeys.FLEET);
            assertTrue(!(state instanceof AreaState.Valid), "bit " + bit + " flipped still verifies: " + state.describe());
            ToyReadResult alone = SaveAreas.read(layout, flipped, new byte[layout.areaBytes()], uid, TestKeys.FLEET);
            assertNotEquals(ToyVerdict.RECOGNISED, alone.verdict(), "bit " + bit);
            ToyReadResult withBackup = SaveAreas.read(layout, flipped, areaOf(layout, record, uid, counter - 1),
                    uid, TestKeys.FLEET);
            assertEquals(Optional.of(Area.B), withBackup.winner(), "bit " + bit + ": " + withBackup.reason());
        }
    }

    @Property(tries = 200)
    void paddingAfterTheTagIsIgnored(@ForAll("records") ToyRecord record, @ForAll("uids") byte[] uid,
                                     @ForAll byte junk) {
        TagLayout layout = TagLayout.CLASSIC_1K;
        byte[] image = ToyImage.encode(record, uid, TestKeys.FLEET, 9);
        byte[] area = java.util.Arrays.copyOf(image, layout.areaBytes());
        java.util.Arrays.fill(area, image.length, area.length, junk);
        assertEquals(Optional.of(record), SaveAreas.read(layout, area, null, uid, TestKeys.FLEET).record());
    }

    @Property(tries = 300)
    void aRecordCopiedToAnotherTagIsTampered(@ForAll("records") ToyRecord record, @ForAll("uids") byte[] uid,
                                             @ForAll("uids") byte[] otherUid, @ForAll TagLayout layout) {
        if (java.util.Arrays.equals(uid, otherUid)) {
            return;
        }
        SimulatedTag original = new SimulatedTag(layout, (byte) 0);
        original.writeAll(SaveAreas.planWrite(layout, original.read(uid, TestKeys.FLEET), record, uid, TestKeys.FLEET).writes());
        ToyReadResult first = original.read(uid, TestKeys.FLEET);
        original.writeAll(SaveAreas.planWrite(layout, first, record, uid, TestKeys.FLEET).writes());
        ToyReadResult copied = SaveAreas.read(layout, original.area(Area.A), original.area(Area.B), otherUid, TestKeys.FLEET);
        assertEquals(ToyVerdict.TAMPERED, copied.verdict(), copied.reason());
        ToyReadResult otherFleet = original.read(uid, TestKeys.OTHER_FLEET);
        assertEquals(ToyVerdict.TAMPERED, otherFleet.verdict(), otherFleet.reason());
    }

    @Property(tries = 300)
    void aWriteInterruptedAnywhereKeepsThePreviousRecord(
            @ForAll("records") ToyRecord before, @ForAll("records") ToyRecord after, @ForAll("uids") byte[] uid,
            @ForAll TagLayout layout, @ForAll @IntRange(min = 0, max = 30) int saves,
            @ForAll @IntRange(min = 0, max = 100) int cut, @ForAll boolean garbageInCutUnit, @ForAll byte[] garbage) {
        SimulatedTag tag = new SimulatedTag(layout, (byte) 0xFF);
        ToyReadResult current = tag.read(uid, TestKeys.FLEET);
        for (int i = 0; i <= saves; i++) {
            tag.writeAll(SaveAreas.planWrite(layout, current, before, uid, TestKeys.FLEET).writes());
            current = tag.read(uid, TestKeys.FLEET);
        }
        assertEquals(saves + 1, current.writeCounter());
        ToyWritePlan plan = SaveAreas.planWrite(layout, current, after, uid, TestKeys.FLEET);
        List<UnitWrite> writes = plan.writes();
        int done = cut % writes.size();
        tag.writeAll(writes.subList(0, done));
        if (garbageInCutUnit) {
            tag.scribble(writes.get(done).unit(), garbage);
        }
        ToyReadResult torn = tag.read(uid, TestKeys.FLEET);
        assertEquals(ToyVerdict.RECOGNISED, torn.verdict(), torn.reason());
        // The target area's old first unit can equal the new one (same magic, format, counter high bytes): then
        // the area is complete before the last write and the new record already stands. Nothing else may show.
        boolean previous = torn.record().equals(Optional.of(before))
                && torn.writeCounter() == current.writeCounter() && torn.winner().equals(current.winner());
        assertTrue(previous || plan.confirmedBy(torn), torn.reason());
        if (garbageInCutUnit || done < writes.size() - 1) {
            assertTrue(previous, "an area still missing a unit must not win: " + torn.reason());
        }

        tag.writeAll(writes);
        ToyReadResult finished = tag.read(uid, TestKeys.FLEET);
        assertTrue(plan.confirmedBy(finished), finished.reason());
    }

    @Property(tries = 300)
    void aFirstWriteInterruptedOnAFreshTagLeavesItBlank(
            @ForAll("records") ToyRecord record, @ForAll("uids") byte[] uid, @ForAll TagLayout layout,
            @ForAll boolean erasedAsFF, @ForAll @IntRange(min = 0, max = 100) int cut) {
        SimulatedTag tag = new SimulatedTag(layout, erasedAsFF ? (byte) 0xFF : 0);
        ToyReadResult blank = tag.read(uid, TestKeys.FLEET);
        assertEquals(ToyVerdict.BLANK, blank.verdict());
        ToyWritePlan plan = SaveAreas.planWrite(layout, blank, record, uid, TestKeys.FLEET);
        assertEquals(Area.A, plan.target());
        assertEquals(1, plan.counter());
        tag.writeAll(plan.writes().subList(0, cut % plan.writes().size()));
        assertEquals(ToyVerdict.BLANK, tag.read(uid, TestKeys.FLEET).verdict());
    }

    @Property(tries = 200)
    void writesAlternateAreasAndTheNewestValidWins(@ForAll("records") ToyRecord record, @ForAll("uids") byte[] uid,
                                                    @ForAll TagLayout layout,
                                                    @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long start) {
        SimulatedTag tag = new SimulatedTag(layout, (byte) 0);
        tag.writeAll(layout.split(Area.B, ToyImage.encode(record, uid, TestKeys.FLEET, start)));
        ToyReadResult current = tag.read(uid, TestKeys.FLEET);
        for (int i = 1; i <= 3; i++) {
            ToyRecord next = new ToyRecord(record.toyType(), record.variant(), new CoCreation(record.coCreation().name(),
                    record.coCreation().colours(), record.coCreation().upgrades(), i, record.coCreation().level()));
            ToyWritePlan plan = SaveAreas.planWrite(layout, current, next, uid, TestKeys.FLEET);
            assertEquals(current.winner().orElseThrow().other(), plan.target());
            assertEquals(WriteCounter.next(current.writeCounter()), plan.counter());
            tag.writeAll(plan.writes());
            current = tag.read(uid, TestKeys.FLEET);
            assertTrue(plan.confirmedBy(current), current.reason());
            assertInstanceOf(AreaState.Valid.class, current.state(plan.target().other()));
        }
    }

    @Property(tries = 100)
    void unitsNeverStrayOutsideTheirArea(@ForAll("records") ToyRecord record, @ForAll TagLayout layout, @ForAll Area area) {
        List<UnitWrite> writes = layout.split(area, ToyImage.encode(record, TestKeys.UID7, TestKeys.FLEET, 1));
        for (UnitWrite w : writes) {
            assertTrue(layout.units(area).contains(w.unit()), w.toString());
        }
        assertEquals(layout.units(area).get(0), writes.get(writes.size() - 1).unit(), "header unit goes last");
    }

    private static byte[] areaOf(TagLayout layout, ToyRecord record, byte[] uid, long counter) {
        byte[] image = ToyImage.encode(record, uid, TestKeys.FLEET, counter & 0xFFFF_FFFFL);
        return java.util.Arrays.copyOf(image, layout.areaBytes());
    }
}
