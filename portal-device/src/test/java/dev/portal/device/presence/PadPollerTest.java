package dev.portal.device.presence;

import dev.portal.device.health.HealthStats;
import dev.portal.device.toy.ToyJudge;
import dev.portal.device.led.LedSignal;
import dev.portal.device.led.StateLights;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.toy.ToyVerdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Presence logic driven poll by poll (no threads, no clock): placements, removals, slots, flaky RF. */
class PadPollerTest {
    private final List<Message> events = new ArrayList<>();
    private final HealthStats health = new HealthStats();
    private final SlotTable slots = new SlotTable(8);
    private final StateLights lights = StateLights.withoutOutput(2);
    private long now;

    private PadPoller poller(int pad, FakeReader reader) {
        return poller(pad, reader, Optional.empty());
    }

    private PadPoller poller(int pad, FakeReader reader, Optional<dev.portal.protocol.toy.FleetKey> key) {
        PadPoller p = PadPoller.builder().pad(pad).reader(reader).slots(slots).sink(events::add)
                .judge(new ToyJudge(key)).lights(lights).health(health).clock(() -> now)
                .calibration(new PadCalibration(pad, 33, 3)).build();
        p.start();
        return p;
    }

    private void polls(int n, PadPoller... pollers) {
        for (int i = 0; i < n; i++) {
            now += 50;
            for (PadPoller p : pollers) {
                p.pollOnce();
            }
        }
    }

    private <T extends Message> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void placementIsAnnouncedOnceThenJudgedAndRestingProducesNothing() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r);
        r.put("04A1B2C3D4E5F6");
        polls(1, p);
        assertEquals(2, events.size());
        TagPlaced placed = (TagPlaced) events.get(0);
        assertEquals(TagType.NTAG213, placed.tagType());
        assertEquals(Uid.parse("04A1B2C3D4E5F6"), placed.uid());
        assertEquals(ToyVerdict.UNKNOWN, ((ToyRead) events.get(1)).verdict(), "no fleet key: unknown");
        polls(200, p);
        assertEquals(2, events.size(), "a resting toy produces no further events");
    }

    @Test
    void removalNeedsTheThresholdOfMissesAndAFailedSelect() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r);
        r.put("04000000000001");
        polls(1, p);
        r.take("04000000000001");
        polls(2, p);
        assertTrue(of(TagRemoved.class).isEmpty(), "two misses are not a removal");
        polls(1, p);
        TagRemoved removed = of(TagRemoved.class).get(0);
        assertEquals(0, removed.slot());
        assertEquals(150, removed.presentMillis());
        assertEquals("IDLE #000000 OFF", lights.describe(0));
    }

    @Test
    void flakyRfNeverProducesARemoval() {
        FakeReader r = new FakeReader(42);
        r.missChance(0.05);
        PadPoller p = poller(0, r);
        for (int i = 1; i <= 4; i++) {
            r.put("0400000000000" + i);
        }
        polls(20_000, p);
        assertEquals(4, of(TagPlaced.class).size());
        assertTrue(of(TagRemoved.class).isEmpty(), "no false removal in 20000 polls with 5 % missed answers");
        assertTrue(health.falseMissesAverted.get() > 0, "misses did happen and were confirmed away");
    }

    @Test
    void slotsAreStableAndAToyPutBackGetsItsOldSlot() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r);
        r.put("04000000000001");
        r.put("04000000000002");
        r.put("04000000000003");
        polls(1, p);
        assertEquals(List.of(0, 1, 2), of(TagPlaced.class).stream().map(TagPlaced::slot).toList());
        r.take("04000000000002");
        polls(5, p);
        r.put("04000000000002");
        polls(1, p);
        assertEquals(1, of(TagPlaced.class).get(3).slot(), "back in slot 1");
    }

    @Test
    void aNewToyTakesAFreedSlotAndTheOldOneThenGetsAnother() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r);
        r.put("04000000000001");
        r.put("04000000000002");
        polls(1, p);
        r.take("04000000000001");
        polls(5, p);
        r.put("04000000000009");
        polls(1, p);
        r.put("04000000000001");
        polls(1, p);
        List<Integer> slotsSeen = of(TagPlaced.class).stream().map(TagPlaced::slot).toList();
        assertEquals(List.of(0, 1, 0, 2), slotsSeen);
    }

    @Test
    void eightToysAcrossTwoPadsAndANinthIsCountedNotAnnounced() {
        FakeReader a = new FakeReader(1);
        FakeReader b = new FakeReader(2);
        PadPoller pa = poller(0, a);
        PadPoller pb = poller(1, b);
        for (int i = 0; i < 4; i++) {
            a.put("0400000000001" + i);
            b.put("0400000000002" + i);
        }
        b.put("04000000000099");
        polls(3, pa, pb);
        assertEquals(8, of(TagPlaced.class).size());
        assertEquals(8, health.tagsPresent.get());
        assertTrue(health.portalFull.get() > 0);
    }

    @Test
    void aToyMovedToAnotherPadKeepsItsSlotAndIsRemovedOnceFromTheFirst() {
        FakeReader a = new FakeReader(1);
        FakeReader b = new FakeReader(2);
        PadPoller pa = poller(0, a);
        PadPoller pb = poller(1, b);
        a.put("04000000000001");
        a.put("04000000000002");
        polls(1, pa, pb);
        a.take("04000000000002");
        b.put("04000000000002");
        polls(10, pa, pb);
        List<TagRemoved> removed = of(TagRemoved.class);
        assertEquals(1, removed.size());
        assertEquals(0, removed.get(0).pad());
        TagPlaced moved = of(TagPlaced.class).get(2);
        assertEquals(1, moved.pad());
        assertEquals(1, moved.slot());
    }

    @Test
    void aDeadReaderIsResetAndCountedAndThePadRecovers() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r);
        r.put("04000000000001");
        polls(1, p);
        r.dead(true);
        polls(300, p);
        assertTrue(health.readerResets.get() >= 3, "resets: " + health.readerResets.get());
        assertTrue(health.readerResets.get() < 50, "with pauses between tries: " + health.readerResets.get());
        assertEquals(LedSignal.ERROR.name(), lights.describe(0).split(" ")[0]);
        assertTrue(of(TagRemoved.class).isEmpty(), "a dead reader is not a removal");
        r.dead(false);
        r.take("04000000000001");
        polls(150, p);
        assertEquals(1, of(TagRemoved.class).size(), "after recovery the pad works again");
    }

    @Test
    void aToyPulledWhileItsRecordIsReadIsPlacedThenRemovedWithoutAToyRead() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r, Optional.of(dev.portal.protocol.toy.FleetKey.fromHex("0123456789abcdef".repeat(4))));
        r.liftOnNextRead = true;
        r.put("04000000000001");
        polls(10, p);
        assertEquals(1, of(TagPlaced.class).size());
        assertTrue(of(ToyRead.class).isEmpty(), "nothing was read, so nothing is claimed");
        assertEquals(1, of(TagRemoved.class).size());
        assertEquals(1, health.failedToyReads.get());
    }

    @Test
    void theBuilderNamesAMissingPartAndServesSeveralPads() {
        PadPollerBuilder shared = PadPoller.builder().slots(slots).sink(events::add)
                .judge(new ToyJudge(Optional.empty())).lights(lights).health(health).clock(() -> now);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> shared.pad(1).calibration(new PadCalibration(1, 33, 3)).build());
        assertEquals("a PadPoller needs reader(..) before build() (pad 1)", e.getMessage());
        PadPoller first = shared.pad(0).reader(new FakeReader(1)).calibration(new PadCalibration(0, 33, 3)).build();
        PadPoller second = shared.pad(1).reader(new FakeReader(2)).calibration(new PadCalibration(1, 30, 4)).build();
        assertEquals(0, first.pad());
        assertEquals(new PadCalibration(0, 33, 3), first.calibration(), "built before the builder changed");
        assertEquals(1, second.pad());
        assertNotSame(first.reader(), second.reader());
    }
}
