package dev.portal.protocol.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.testsupport.property.Gen;
import dev.portal.testsupport.property.Property;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Properties of whole tags: encode, write through a layout, read back, damage, interrupt. */
class ToyCodecPropertiesTest {

    private static final Gen<ToyRecord> RECORDS = ToyArbitraries.records();
    private static final Gen<byte[]> UIDS = ToyArbitraries.uids();
    private static final Gen<TagLayout> LAYOUTS = Gen.of(TagLayout.class);
    private static final Gen<Long> COUNTERS = Gen.longs(0, 0xFFFF_FFFFL);
    private static final Gen<Integer> CUTS = Gen.ints(0, 100);

    private record Written(ToyRecord record, byte[] uid, TagLayout layout, long counter) {
    }

    private record Flipped(ToyRecord record, byte[] uid, long counter) {
    }

    private record Padded(ToyRecord record, byte[] uid, byte junk) {
    }

    private record Copied(ToyRecord record, byte[] uid, byte[] otherUid, TagLayout layout) {
    }

    private record Interrupted(ToyRecord before, ToyRecord after, byte[] uid, TagLayout layout, int saves, int cut,
                               boolean garbageInCutUnit, byte[] garbage) {
    }

    /** How a fresh tag comes from the factory: erased to zeros or to 0xFF, or (NTAG) with an empty NDEF message. */
    private enum Fresh { ZEROS, ONES, NDEF }

    private record FirstWrite(ToyRecord record, byte[] uid, TagLayout layout, Fresh fresh, int cut) {
    }

    private record Alternating(ToyRecord record, byte[] uid, TagLayout layout, long start) {
    }

    private record Split(ToyRecord record, TagLayout layout, Area area) {
    }

    @Test
    void writtenRecordsReadBack() {
        Property.forAll(500, r -> new Written(RECORDS.next(r), UIDS.next(r), LAYOUTS.next(r), COUNTERS.next(r)),
                c -> writtenRecordsReadBack(c.record(), c.uid(), c.layout(), c.counter()));
    }

    @Test
    void everySingleBitFlipInTheImageIsDetected() {
        Property.forAll(40, r -> new Flipped(RECORDS.next(r), UIDS.next(r), COUNTERS.next(r)),
                c -> everySingleBitFlipInTheImageIsDetected(c.record(), c.uid(), c.counter()));
    }

    @Test
    void paddingAfterTheTagIsIgnored() {
        Property.forAll(200, r -> new Padded(RECORDS.next(r), UIDS.next(r), Gen.bytes().next(r)),
                c -> paddingAfterTheTagIsIgnored(c.record(), c.uid(), c.junk()));
    }

    @Test
    void aRecordCopiedToAnotherTagIsTampered() {
        Property.forAll(300, r -> new Copied(RECORDS.next(r), UIDS.next(r), UIDS.next(r), LAYOUTS.next(r)),
                c -> aRecordCopiedToAnotherTagIsTampered(c.record(), c.uid(), c.otherUid(), c.layout()));
    }

    @Test
    void aWriteInterruptedAnywhereKeepsThePreviousRecord() {
        Gen<Integer> saves = Gen.ints(0, 30);
        Gen<byte[]> garbage = Gen.bytes(0, 255);
        Property.forAll(300, r -> new Interrupted(RECORDS.next(r), RECORDS.next(r), UIDS.next(r), LAYOUTS.next(r),
                        saves.next(r), CUTS.next(r), r.nextBoolean(), garbage.next(r)),
                c -> aWriteInterruptedAnywhereKeepsThePreviousRecord(c.before(), c.after(), c.uid(), c.layout(),
                        c.saves(), c.cut(), c.garbageInCutUnit(), c.garbage()));
    }

    @Test
    void aFirstWriteInterruptedOnAFreshTagLeavesItBlank() {
        Property.forAll(300, r -> new FirstWrite(RECORDS.next(r), UIDS.next(r), LAYOUTS.next(r),
                        Fresh.values()[r.nextInt(3)], CUTS.next(r)),
                c -> aFirstWriteInterruptedOnAFreshTagLeavesItBlank(c.record(), c.uid(), c.layout(), c.fresh(),
                        c.cut()));
    }

    @Test
    void writesAlternateAreasAndTheNewestValidWins() {
        Property.forAll(200, r -> new Alternating(RECORDS.next(r), UIDS.next(r), LAYOUTS.next(r), COUNTERS.next(r)),
                c -> writesAlternateAreasAndTheNewestValidWins(c.record(), c.uid(), c.layout(), c.start()));
    }

    @Test
    void unitsNeverStrayOutsideTheirArea() {
        Gen<Area> areas = Gen.of(Area.class);
        Property.forAll(100, r -> new Split(RECORDS.next(r), LAYOUTS.next(r), areas.next(r)),
                c -> unitsNeverStrayOutsideTheirArea(c.record(), c.layout(), c.area()));
    }

    private void writtenRecordsReadBack(ToyRecord record, byte[] uid,
                                TagLayout layout, long counter) {
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

    private void everySingleBitFlipInTheImageIsDetected(ToyRecord record, byte[] uid,
                                                long counter) {
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

    private void paddingAfterTheTagIsIgnored(ToyRecord record, byte[] uid,
                                     byte junk) {
        TagLayout layout = TagLayout.CLASSIC_1K;
        byte[] image = ToyImage.encode(record, uid, TestKeys.FLEET, 9);
        byte[] area = java.util.Arrays.copyOf(image, layout.areaBytes());
        java.util.Arrays.fill(area, image.length, area.length, junk);
        assertEquals(Optional.of(record), SaveAreas.read(layout, area, null, uid, TestKeys.FLEET).record());
    }

    private void aRecordCopiedToAnotherTagIsTampered(ToyRecord record, byte[] uid,
                                             byte[] otherUid, TagLayout layout) {
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

    private void aWriteInterruptedAnywhereKeepsThePreviousRecord(
            ToyRecord before, ToyRecord after, byte[] uid,
            TagLayout layout, int saves,
            int cut, boolean garbageInCutUnit, byte[] garbage) {
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
        // Whether a unit is still missing is a matter of content: garbage can by chance hold the bytes the image
        // needs there (a last unit's padding is not read), and an unwritten header can equal the new one.
        byte[] image = plan.image();
        if (!java.util.Arrays.equals(java.util.Arrays.copyOf(tag.area(plan.target()), image.length), image)) {
            assertTrue(previous, "an area still missing a unit must not win: " + torn.reason());
        }

        tag.writeAll(writes);
        ToyReadResult finished = tag.read(uid, TestKeys.FLEET);
        assertTrue(plan.confirmedBy(finished), finished.reason());
    }

    private void aFirstWriteInterruptedOnAFreshTagLeavesItBlank(
            ToyRecord record, byte[] uid, TagLayout layout,
            Fresh fresh, int cut) {
        SimulatedTag tag = new SimulatedTag(layout, fresh == Fresh.ONES ? (byte) 0xFF : 0);
        if (fresh == Fresh.NDEF && layout.unitSize() == 4) { // the NTAG factory content spans pages 4 and 5
            tag.scribble(4, new byte[] {0x01, 0x03, (byte) 0xA0, 0x0C});
            tag.scribble(5, new byte[] {0x34, 0x03, 0x00, (byte) 0xFE});
        }
        ToyReadResult blank = tag.read(uid, TestKeys.FLEET);
        assertEquals(ToyVerdict.BLANK, blank.verdict());
        ToyWritePlan plan = SaveAreas.planWrite(layout, blank, record, uid, TestKeys.FLEET);
        assertEquals(Area.A, plan.target());
        assertEquals(1, plan.counter());
        tag.writeAll(plan.writes().subList(0, cut % plan.writes().size()));
        assertEquals(ToyVerdict.BLANK, tag.read(uid, TestKeys.FLEET).verdict());
    }

    private void writesAlternateAreasAndTheNewestValidWins(ToyRecord record, byte[] uid,
                                                    TagLayout layout,
                                                    long start) {
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

    private void unitsNeverStrayOutsideTheirArea(ToyRecord record, TagLayout layout, Area area) {
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
