package dev.portal.device.command;

import dev.portal.device.config.RuntimeSettings;
import dev.portal.device.health.HealthStats;
import dev.portal.device.led.StateLights;
import dev.portal.device.presence.FakeReaders;
import dev.portal.device.presence.PadPoller;
import dev.portal.device.presence.PresenceService;
import dev.portal.device.presence.SlotTable;
import dev.portal.device.led.LedSignal;
import dev.portal.device.testing.TestHost;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.CalibrationReport.GainRate;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ConfigReport;
import dev.portal.protocol.frame.ConfigSet;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.LedMode;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PresentToken;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.SetLed;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.Upgrades;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class CommandServiceTest {
    static final String UID = "04A1B2C3D4E5F6";
    private final List<Message> events = Collections.synchronizedList(new ArrayList<>());
    private final HealthStats health = new HealthStats();
    private final SlotTable slots = new SlotTable(8);
    private final StateLights lights = StateLights.withoutOutput(1);
    private final FakeReaders.Handle reader = FakeReaders.create(7);
    private final PadPoller poller = PadPoller.builder().pad(0).reader(reader.reader()).slots(slots)
            .sink(events::add).lights(lights).health(health)
            .clock(System::currentTimeMillis).calibration(new PadCalibration(0, 33, 3)).build();
    private final PresenceService presence = new PresenceService(List.of(poller), java.time.Duration.ofMillis(50));
    private final AtomicInteger births = new AtomicInteger();
    private RuntimeSettings runtime = RuntimeSettings.DEFAULTS;
    private final DeviceControl control = new DeviceControl() {
        @Override
        public void rebirth() {
            births.incrementAndGet();
        }

        @Override
        public RuntimeSettings runtime() {
            return runtime;
        }

        @Override
        public void applyRuntime(RuntimeSettings s) {
            runtime = s;
        }

        @Override
        public void calibrationChanged() {
        }

        @Override
        public void reboot() {
        }
    };
    private final CommandService service = commands().build();

    /** Every required part, nothing optional. */
    private CommandServiceBuilder commands() {
        return CommandService.builder().sink(events::add).presence(presence).slots(slots)
                .lights(lights).health(health).control(control);
    }

    @AfterEach
    void close() {
        service.close();
        presence.close();
    }

    private static byte[] frame(long id, dev.portal.protocol.frame.CommandBody body) {
        return FrameCodec.encode(new Frame(Header.of(1, 1, 0, false), new Command(id, body)));
    }

    private List<CommandResult> results() {
        return events.stream().filter(CommandResult.class::isInstance).map(CommandResult.class::cast).toList();
    }

    /** The report sent for {@code id}, checked to come right before that command's result. */
    private dev.portal.protocol.frame.Report reportFor(long id) {
        List<Message> seen = List.copyOf(events);
        for (int i = 0; i + 1 < seen.size(); i++) {
            if (seen.get(i) instanceof CommandReport r && r.correlationId() == id) {
                CommandResult next = assertInstanceOf(CommandResult.class, seen.get(i + 1), "the result follows the report");
                assertEquals(id, next.correlationId());
                return r.report();
            }
        }
        return fail("no report for command " + id + " in " + seen);
    }

    private void placeToy() throws Exception {
        reader.put(UID);
        presence.onPad(0, () -> {
            poller.pollOnce();
            return null;
        }).get();
    }

    private void polls(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            presence.onPad(0, () -> {
                poller.pollOnce();
                return null;
            }).get();
        }
    }

    private static ToyRecord record(String name, long xp) {
        return new ToyRecord(7, 1, new CoCreation(name, new Colours(1, 2, 3), Upgrades.of(4), xp, 2));
    }

    /** The areas the portal last reported: what a host plans its next write from. */
    private ToyAreas lastAreas() {
        return (ToyAreas) events.stream().filter(ToyAreas.class::isInstance).reduce((a, b) -> b).orElseThrow();
    }

    private CommandResult lastResult() {
        return results().get(results().size() - 1);
    }

    @Test
    void aWritePlannedFromTheReportedAreasLandsIsReadBackAndARepeatWritesNothing() throws Exception {
        placeToy();
        ToyAreas blank = lastAreas();
        assertEquals(ToyVerdict.BLANK, TestHost.judge(blank).verdict());
        byte[] cmd = frame(100, TestHost.planWrite(blank, record("Ada", 10)));
        service.handle(cmd);
        assertEquals(Status.OK, lastResult().status(), lastResult().detail());
        ToyAreas after = lastAreas();
        assertNotSame(blank, after, "the read-back is reported");
        assertEquals(ToyVerdict.RECOGNISED, TestHost.judge(after).verdict(), TestHost.judge(after).reason());
        assertEquals("Ada", TestHost.judge(after).record().orElseThrow().coCreation().name());
        assertEquals(LedSignal.UNVERIFIED.name(), lights.describe(0).split(" ")[0], "until the host's verdict");
        byte[] written = reader.memory(UID).clone();
        service.handle(cmd);
        assertEquals(2, results().size());
        assertEquals(results().get(0), results().get(1), "same answer");
        assertArrayEquals(written, reader.memory(UID), "nothing written the second time");
    }

    @Test
    void aWritePlannedFromStaleAreasIsRejectedWritesNothingAndReportsTheAreasAgain() throws Exception {
        placeToy();
        ToyAreas blank = lastAreas();
        service.handle(frame(1, TestHost.planWrite(blank, record("First", 1))));
        assertEquals(Status.OK, lastResult().status(), lastResult().detail());
        ToyAreas now = lastAreas();
        byte[] before = reader.memory(UID).clone();
        service.handle(frame(2, TestHost.planWrite(blank, record("Stale", 2))));
        assertEquals(Status.REJECTED, lastResult().status());
        assertTrue(lastResult().detail().contains("the toy changed since the host read it"), lastResult().detail());
        assertArrayEquals(before, reader.memory(UID), "nothing written");
        assertEquals(now.digest(), lastAreas().digest(), "the areas as they are, for the host to plan again");
        assertNotSame(now, lastAreas());
        service.handle(frame(3, TestHost.planWrite(lastAreas(), record("Second", 2))));
        assertEquals(Status.OK, lastResult().status(), lastResult().detail());
        assertEquals("Second", TestHost.judge(lastAreas()).record().orElseThrow().coCreation().name());
    }

    @Test
    void aToyLiftedMidWriteKeepsItsPreviousRecord() throws Exception {
        placeToy();
        service.handle(frame(1, TestHost.planWrite(lastAreas(), record("First", 1))));
        assertEquals(Status.OK, results().get(0).status());
        reader.reader().writesBeforeLift = 3;
        service.handle(frame(2, TestHost.planWrite(lastAreas(), record("Second", 2))));
        assertEquals(Status.FAILED, results().get(1).status(), results().get(1).detail());
        assertTrue(results().get(1).detail().contains("the toy keeps its previous record"), results().get(1).detail());
        assertEquals(LedSignal.ERROR.name(), lights.describe(0).split(" ")[0]);
        byte[] mem = reader.memory(UID);
        assertNull(mem, "lifted");
        polls(5); // the removal is confirmed
        events.clear();
        reader.reader().putBack(UID, reader.lastMemory());
        polls(1);
        ToyAreas again = lastAreas();
        assertEquals(ToyVerdict.RECOGNISED, TestHost.judge(again).verdict());
        assertEquals("First", TestHost.judge(again).record().orElseThrow().coCreation().name(), "the previous record stands");
    }

    @Test
    void writeToAToyThatIsNotThereIsNoTag() throws Exception {
        Uid absent = Uid.of(new byte[] {4, 1, 2, 3, 4, 5, 6});
        service.handle(frame(5, new WriteArea(0, 3, absent, dev.portal.protocol.toy.Area.A, 0, true,
                dev.portal.protocol.toy.AreaBytes.of(new byte[] {1}))));
        assertEquals(Status.NO_TAG, results().get(0).status());
        service.handle(frame(6, new ShowVerdict(0, 3, absent, ToyVerdict.RECOGNISED)));
        assertEquals(Status.NO_TAG, results().get(1).status());
    }

    @Test
    void writeToyIsRefusedBecauseNoPortalHoldsTheToyKey() throws Exception {
        placeToy();
        service.handle(frame(7, new WriteToy(0, 0, Uid.parse(UID), record("Ada", 10))));
        assertEquals(Status.REJECTED, results().get(0).status());
        assertEquals("this portal holds no toy key: the host sends write_area (protocol 1.1)", results().get(0).detail());
        assertEquals(ToyVerdict.BLANK, TestHost.judge(lastAreas()).verdict(), "nothing written");
    }

    @Test
    void theHostsVerdictLightsThePad() throws Exception {
        placeToy();
        assertEquals(LedSignal.UNVERIFIED.name(), lights.describe(0).split(" ")[0]);
        service.handle(frame(8, TestHost.verdict(lastAreas())));
        assertEquals(Status.OK, results().get(0).status(), results().get(0).detail());
        assertEquals(LedSignal.PLACED.name(), lights.describe(0).split(" ")[0], "a blank toy");
        service.handle(frame(9, new ShowVerdict(0, 0, Uid.parse(UID), ToyVerdict.RECOGNISED)));
        assertEquals(LedSignal.RECOGNISED.name(), lights.describe(0).split(" ")[0]);
        service.handle(frame(10, new ShowVerdict(0, 1, Uid.parse(UID), ToyVerdict.UNKNOWN)));
        assertEquals(Status.NO_TAG, results().get(2).status(), "not in that slot");
        assertEquals(LedSignal.RECOGNISED.name(), lights.describe(0).split(" ")[0]);
    }

    @Test
    void aBadConfigIsRejectedWithEveryReasonAndTheOldOneKept() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("pollHz", "500");
        bad.put("colour", "blue");
        bad.put("heartbeatSeconds", "soon");
        service.handle(frame(10, new ConfigSet(5, bad)));
        CommandResult r = results().get(0);
        assertEquals(Status.REJECTED, r.status());
        assertTrue(r.detail().contains("pollHz") && r.detail().contains("colour") && r.detail().contains("heartbeatSeconds"),
                r.detail());
        assertEquals(RuntimeSettings.DEFAULTS, runtime);
        assertEquals(new ConfigReport(RuntimeSettings.DEFAULTS.version(), RuntimeSettings.DEFAULTS.asEntries()), reportFor(10),
                "a refusal reports the configuration that stays in force");
        service.handle(frame(11, new ConfigSet(5, Map.of("pollHz", "10"))));
        assertEquals(Status.OK, results().get(1).status());
        ConfigReport applied = assertInstanceOf(ConfigReport.class, reportFor(11));
        assertEquals(5, applied.version());
        assertEquals("10", applied.entries().get("pollHz"));
        assertEquals(runtime.asEntries(), applied.entries());
        assertEquals(10, runtime.pollHz());
        assertEquals(5, runtime.version());
        service.handle(frame(12, new ConfigSet(4, Map.of("pollHz", "30"))));
        assertEquals(Status.REJECTED, results().get(2).status(), "an older version cannot roll back");
        assertEquals(10, runtime.pollHz());
    }

    @Test
    void noConfigVersionLocksConfigurationNotEvenTheHighest() {
        service.handle(frame(20, new ConfigSet(0xFFFF_FFFFL, Map.of("pollHz", "11"))));
        assertEquals(Status.REJECTED, results().get(0).status(), "from version 0, 0xFFFFFFFF is behind, not ahead");
        assertEquals(0, runtime.version());
        // A portal can still reach the top in steps of less than half the range (or bring it from older firmware)
        long[] steps = {0x7FFF_FFFFL, 0xFFFF_FFFEL, 0xFFFF_FFFFL};
        for (int i = 0; i < steps.length; i++) {
            service.handle(frame(21 + i, new ConfigSet(steps[i], Map.of("pollHz", String.valueOf(12 + i)))));
            assertEquals(Status.OK, results().get(1 + i).status(), results().get(1 + i).detail());
        }
        assertEquals(0xFFFF_FFFFL, runtime.version());
        service.handle(frame(30, new ConfigSet(0, Map.of("pollHz", "25"))));
        assertEquals(Status.OK, results().get(4).status(), "0 follows 0xFFFFFFFF: " + results().get(4).detail());
        assertEquals(25, runtime.pollHz());
        service.handle(frame(31, new ConfigSet(0xFFFF_FFFFL, Map.of("pollHz", "14"))));
        assertEquals(Status.REJECTED, results().get(5).status(), "and a replay of the old top cannot roll it back");
        assertEquals(25, runtime.pollHz());
    }

    @Test
    void aTechnicianTokenOverMqttIsRefused() {
        service.handle(frame(40, new PresentToken("portal-technician-token 1")));
        assertEquals(Status.REJECTED, results().get(0).status());
        assertTrue(results().get(0).detail().contains("for the serial cable"), results().get(0).detail());
    }

    @Test
    void garbageIsCountedAndAnsweredWhenTheCorrelationIdCanBeRecovered() {
        byte[] good = frame(0x01020304L, new SetLed(0, 0xFF0000, LedMode.SOLID, 0));
        byte[] corrupt = good.clone();
        corrupt[corrupt.length - 6] ^= 0x55; // bad CRC
        service.handle(corrupt);
        service.handle(new byte[] {1, 2, 3});
        byte[] huge = new byte[100_000];
        System.arraycopy(good, 0, huge, 0, good.length);
        huge[17] = 0;
        huge[20] = 9;
        service.handle(huge);
        assertEquals(3, health.garbageCommands.get());
        List<CommandResult> r = results();
        assertEquals(2, r.size());
        assertEquals(0x01020304L, r.get(0).correlationId());
        assertEquals(Status.REJECTED, r.get(0).status());
        assertEquals(Status.REJECTED, r.get(1).status());
        assertTrue(r.get(1).detail().contains("oversized"), r.get(1).detail());
        service.handle(good);
        assertEquals(Status.REJECTED, results().get(2).status(), "a recovered id keeps its first answer");
        service.handle(frame(77, new SetLed(0, 0x00FF00, LedMode.BLINK, 0)));
        assertEquals(Status.OK, results().get(3).status(), "and the service carries on");
        assertTrue(lights.describe(0).contains("00FF00"), lights.describe(0));
    }

    @Test
    void rebirthIsExecutedOncePerCorrelationId() {
        service.handle(frame(3, new Rebirth()));
        service.handle(frame(3, new Rebirth()));
        assertEquals(1, births.get());
        assertEquals(2, results().size());
    }

    @Test
    void aGainSweepAppliesTheMiddleOfTheGainsThatAlwaysReadAndReportsEveryRate() throws Exception {
        service.handle(frame(20, new dev.portal.protocol.frame.Calibrate(0, 0, 4)));
        assertEquals(Status.REJECTED, results().get(0).status(), "no reference toy on the pad");
        assertEquals(new CalibrationReport(0, List.of(), Optional.empty()), reportFor(20));
        placeToy();
        reader.reader().minGainDb = 33;
        service.handle(frame(21, new dev.portal.protocol.frame.Calibrate(0, 0, 4)));
        CommandResult r = results().get(1);
        assertEquals(Status.OK, r.status(), r.detail());
        assertTrue(r.detail().contains("applied 38 dB"), "people read the outcome too: " + r.detail());
        assertEquals(new CalibrationReport(0, List.of(new GainRate(18, 0), new GainRate(23, 0), new GainRate(33, 100),
                new GainRate(38, 100), new GainRate(43, 100), new GainRate(48, 100)),
                Optional.of(new PadCalibration(0, 38, 4))), reportFor(21), "33..48 read every time: the lower middle");
        assertEquals(new PadCalibration(0, 38, 4), poller.calibration());
        assertEquals(38, reader.reader().antennaGain().decibels());
        assertEquals(1, births.get(), "the next Birth carries the calibration");
        service.handle(frame(22, new dev.portal.protocol.frame.Calibrate(0, 43, 3)));
        assertEquals(Status.OK, results().get(2).status());
        assertEquals(43, poller.calibration().antennaGainDb(), "a gain given is applied as told");
        assertEquals(new CalibrationReport(0, List.of(), Optional.of(new PadCalibration(0, 43, 3))), reportFor(22));
    }

    @Test
    void resultsRememberedAcrossARestartAnswerARepeatWithoutRunningIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        dev.portal.device.store.CommandResultStore store = new dev.portal.device.store.CommandResultStore(dir);
        java.util.function.Consumer<List<CommandResult>> keep = r -> {
            try {
                store.save(r);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try (CommandService first = commands().rememberedResults(store.load(), keep).build()) {
            first.handle(frame(500, new Rebirth()));
        }
        try (CommandService second = commands().rememberedResults(store.load(), keep).build()) {
            second.handle(frame(500, new Rebirth()));
        }
        assertEquals(1, births.get(), "executed once, across the restart");
        assertEquals(2, results().size());
        assertEquals(results().get(0), results().get(1));
    }

    @Test
    void theBuilderNamesAMissingPartAndByDefaultRefusesFirmware() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CommandService.builder().sink(events::add).presence(presence).slots(slots)
                        .lights(lights).health(health).build());
        assertEquals("a CommandService needs control(..) before build()", e.getMessage());
        service.handle(frame(600, new dev.portal.protocol.frame.FirmwareChunk(1, 0, 1, new byte[32], new byte[]{1})));
        CommandResult r = results().get(0);
        assertEquals(Status.REJECTED, r.status());
        assertTrue(r.detail().startsWith("firmware updates not configured"), r.detail());
    }
}
