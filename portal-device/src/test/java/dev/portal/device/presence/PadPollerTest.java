package dev.portal.device.presence;

import dev.portal.device.health.HealthStats;
import dev.portal.device.led.LedSignal;
import dev.portal.device.led.StateLights;
import dev.portal.device.testing.TestHost;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.toy.ToyVerdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Presence logic driven poll by poll (no threads, no clock): placements, removals, slots, flaky RF. */
class PadPollerTest {
    private final List<Message> events = new ArrayList<>();
    private final HealthStats health = new HealthStats();
    private final SlotTable slots = new SlotTable(8);
    private final StateLights lights = StateLights.withoutOutput(2);
    private long now;

    private PadPoller poller(int pad, FakeReader reader) {
        PadPoller p = PadPoller.builder().pad(pad).reader(reader).slots(slots).sink(events::add)
                .lights(lights).health(health).clock(() -> now)
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

    private String led(int pad) {
        return lights.describe(pad).split(" ")[0];
    }

    @Test
    void placementIsAnnouncedOnceThenItsAreasAreReportedForTheHostAndRestingProducesNothing() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r);
        r.put("04A1B2C3D4E5F6");
        polls(1, p);
        assertEquals(2, events.size());
        TagPlaced placed = (TagPlaced) events.get(0);
        assertEquals(TagType.NTAG213, placed.tagType());
        assertEquals(Uid.parse("04A1B2C3D4E5F6"), placed.uid());
        ToyAreas areas = (ToyAreas) events.get(1);
        assertEquals(placed.slot(), areas.slot());
        assertEquals(64, areas.areaA().orElseThrow().length(), "area A read whole");
        assertEquals(64, areas.areaB().orElseThrow().length(), "area B read whole");
        assertEquals(ToyVerdict.BLANK, TestHost.judge(areas).verdict(), "the host, holding the key, sees a blank toy");
        assertEquals(LedSignal.UNVERIFIED.name(), led(0), "not verified until the host says");
        polls(200, p);
        assertEquals(2, events.size(), "a resting toy produces no further events");
    }

    @Test
    void aToyWhoseAreasStayUnreadableIsReportedWithEmptyAreasAfterThreeAttempts() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r);
        r.garbledReads = 5;
        r.put("04A1B2C3D4E5F6");
        polls(2, p);
        assertTrue(of(ToyAreas.class).isEmpty(), "two failed reads are retried, not reported");
        assertEquals(LedSignal.PLACED.name(), led(0));
        polls(1, p);
        ToyAreas areas = of(ToyAreas.class).get(0);
        assertTrue(areas.areaA().isEmpty() && areas.areaB().isEmpty(), areas.toString());
        assertEquals(ToyVerdict.UNKNOWN, TestHost.judge(areas).verdict());
        assertEquals(3, health.failedToyReads.get());
        assertEquals(1, health.corruptTags.get());
        polls(20, p);
        assertEquals(1, of(ToyAreas.class).size(), "reported once, not retried for ever");
    }

    @Test
    void theHostsVerdictLightsThePadOnlyWhileThatToyLiesInThatSlot() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r);
        Uid uid = Uid.parse("04000000000001");
        r.put(uid.hex());
        polls(1, p);
        assertTrue(p.showVerdict(0, uid, ToyVerdict.RECOGNISED));
        assertEquals(LedSignal.RECOGNISED.name(), led(0));
        assertTrue(p.showVerdict(0, uid, ToyVerdict.BLANK));
        assertEquals(LedSignal.PLACED.name(), led(0), "a blank toy looks placed");
        assertFalse(p.showVerdict(1, uid, ToyVerdict.RECOGNISED), "another slot");
        assertFalse(p.showVerdict(0, Uid.parse("04000000000002"), ToyVerdict.RECOGNISED), "another toy");
        assertEquals(LedSignal.PLACED.name(), led(0), "a refused verdict shows nothing");
        assertTrue(p.showVerdict(0, uid, ToyVerdict.TAMPERED));
        assertTrue(p.showVerdict(0, uid, ToyVerdict.TAMPERED));
        assertEquals(LedSignal.UNKNOWN.name(), led(0));
        assertEquals(1, health.corruptTags.get(), "a tampered toy counts once a placement");
        r.take(uid.hex());
        polls(5, p);
        assertFalse(p.showVerdict(0, uid, ToyVerdict.RECOGNISED), "lifted since the host read it");
        assertEquals(LedSignal.IDLE.name(), led(0));
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
        assertEquals(LedSignal.ERROR.name(), led(0));
        assertTrue(of(TagRemoved.class).isEmpty(), "a dead reader is not a removal");
        r.dead(false);
        r.take("04000000000001");
        polls(150, p);
        assertEquals(1, of(TagRemoved.class).size(), "after recovery the pad works again");
    }

    @Test
    void aToyPulledWhileItsAreasAreReadIsPlacedThenRemovedWithoutAReport() {
        FakeReader r = new FakeReader(1);
        PadPoller p = poller(0, r);
        r.liftOnNextRead = true;
        r.put("04000000000001");
        polls(10, p);
        assertEquals(1, of(TagPlaced.class).size());
        assertTrue(of(ToyAreas.class).isEmpty(), "nothing was read, so nothing is claimed");
        assertEquals(1, of(TagRemoved.class).size());
        assertEquals(1, health.failedToyReads.get());
    }

    @Test
    void theBuilderNamesAMissingPartAndServesSeveralPads() {
        PadPollerBuilder shared = PadPoller.builder().slots(slots).sink(events::add)
                .lights(lights).health(health).clock(() -> now);
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
