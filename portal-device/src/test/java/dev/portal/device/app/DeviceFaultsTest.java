package dev.portal.device.app;

import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.device.testing.FrameStream;
import dev.portal.device.testing.TestConfigs;
import dev.portal.device.testing.TestHost;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandBody;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.LedMode;
import dev.portal.protocol.frame.SetLed;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.MosquittoSub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Bad input and broken parts with the whole service running: each is counted, reported, survived. */
class DeviceFaultsTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);

    @TempDir
    Path dir;

    private SimulatedHardware hw;
    private DeviceService service;
    private final ToyCatalogue catalogue = new ToyCatalogue(TestHost.KEY);

    private void start(String id, int pads) throws Exception {
        DeviceConfig config = TestConfigs.config(id, MOSQUITTO.broker(), dir, pads);
        hw = SimulatedHardware.open(pads, 5);
        service = PortalAssembly.assemble(config, hw.readers(), hw.lights(),
                new BootClock(true), () -> { });
        service.start();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (hw != null) {
            hw.close();
        }
    }

    private void publish(String topic, byte[] payload) throws Exception {
        MOSQUITTO.broker().publish(topic, payload, false);
    }

    private static byte[] command(long id, CommandBody body) {
        return FrameCodec.encode(new Frame(Header.of(9, 1, 0, false), new Command(id, body)));
    }

    private static Heartbeat lastHeartbeat(FrameStream s) {
        List<Heartbeat> hbs = s.messages(Heartbeat.class);
        return hbs.get(hbs.size() - 1);
    }

    @Test
    void aDeadReaderIsResetCountedAndReportedWhileTheOtherPadKeepsWorking() throws Exception {
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "faults-dead", "portal/dead/evt")) {
            FrameStream stream = new FrameStream(sub);
            start("dead", 2);
            hw.chips().get(0).busFaults().busDead(true);
            hw.portal().place(catalogue.make("knight"), 1);
            stream.await(m -> m instanceof ToyAreas, 15_000);
            Await.until("the dead reader to be reset", () -> service.health().readerResets.get() >= 1,
                    Duration.ofSeconds(15));
            hw.chips().get(0).busFaults().busDead(false);
            hw.portal().place(catalogue.make("dragon"), 0);
            stream.await(m -> m instanceof ToyAreas a && a.uid().hex().startsWith("04D7"), 10_000);
            long before = stream.messages(Heartbeat.class).size();
            stream.await("a heartbeat after the dragon's read", s -> s.messages(Heartbeat.class).size() > before,
                    Duration.ofSeconds(15));
            Heartbeat hb = lastHeartbeat(stream);
            assertTrue(hb.counters().readerResets() >= 1, "resets reported: " + hb);
            assertTrue(hb.counters().pollsPerSecondX100() > 0, "poll rate reported: " + hb);
            assertTrue(hb.counters().uptimeSeconds() >= 1, "uptime reported: " + hb);
            assertTrue(hb.counters().readErrors() >= 1, "errors reported: " + hb);
            assertEquals(2, stream.messages(TagPlaced.class).size(), "both pads work: " + stream.messages(TagPlaced.class));
        }
    }

    @Test
    void commandsOverMqttAreAnsweredOnceEachAndGarbageIsCountedNotFatal() throws Exception {
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "faults-cmd", "portal/cmd1/evt")) {
            FrameStream stream = new FrameStream(sub);
            start("cmd1", 1);
            Uid dragon = catalogue.resolve("dragon").orElseThrow();
            hw.portal().place(catalogue.make("tampered"), 0);
            stream.await(m -> m instanceof ToyAreas, 15_000);
            ToyAreas tampered = stream.messages(ToyAreas.class).get(0);
            assertEquals(ToyVerdict.TAMPERED, TestHost.judge(tampered).verdict());
            hw.portal().place(catalogue.make("dragon"), 0);
            stream.await(m -> m instanceof ToyAreas a && a.uid().equals(dragon), 15_000);
            ToyAreas dragonRead = stream.messages(ToyAreas.class).get(1);
            assertEquals(ToyVerdict.RECOGNISED, TestHost.judge(dragonRead).verdict());
            String cmd = "portal/cmd1/cmd";
            publish(cmd, "this is not a frame".getBytes());
            publish(cmd, new byte[8000]);
            byte[] led = command(41, new SetLed(0, 0x123456, LedMode.PULSE, 0));
            publish(cmd, led);
            publish(cmd, led);
            publish(cmd, command(43, TestHost.verdict(tampered))); // the host's verdict, for the light and the count
            ToyRecord levelled = new ToyRecord(101, 1, new CoCreation("Ember II", new Colours(1, 2, 3),
                    Upgrades.of(1, 2), 5000, 9));
            publish(cmd, command(42, TestHost.planWrite(dragonRead, levelled)));
            List<Frame> frames = stream.await(m -> m instanceof CommandResult r && r.correlationId() == 42, 15_000);
            List<CommandResult> results = stream.messages(CommandResult.class);
            assertEquals(4, results.size(), "one answer per command, a repeat answered the same: " + results);
            assertEquals(results.get(0), results.get(1));
            assertEquals(Status.OK, results.get(0).status());
            assertEquals(Status.OK, results.get(2).status(), results.get(2).detail());
            assertEquals(Status.OK, results.get(3).status(), results.get(3).detail());
            List<ToyAreas> reads = stream.messages(ToyAreas.class);
            assertEquals("Ember II", TestHost.judge(reads.get(reads.size() - 1)).record().orElseThrow().coCreation().name(),
                    "the read-back, judged by the host");
            assertTrue(hw.lights().describe(0).contains("123456") || hw.lights().describe(0).contains("RECOGNISED"));
            service.heartbeatNow();
            stream.await(m -> m instanceof Heartbeat h && h.counters().rejectedCommands() >= 2, 15_000);
            Heartbeat hb = lastHeartbeat(stream);
            assertTrue(hb.counters().rejectedCommands() >= 2, "garbage counted: " + hb);
            assertTrue(hb.counters().corruptTags() >= 1, "the tampered toy counted: " + hb);
            assertEquals(2, hb.counters().tagsPresent());
            assertTrue(frames.size() > 0);
        }
    }

    @Test
    void aToyLiftedDuringAWriteOverMqttKeepsItsPreviousRecord() throws Exception {
        DeviceConfig config = TestConfigs.config("lift", MOSQUITTO.broker(), dir, 1);
        hw = SimulatedHardware.open(1, 9);
        var wizard = catalogue.make("wizard");
        LiftingReader reader = new LiftingReader(hw.readers().get(0), () -> hw.portal().remove(wizard));
        service = PortalAssembly.assemble(config, List.of(reader), hw.lights(),
                new BootClock(true), () -> { });
        service.start();
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "faults-lift", "portal/lift/evt")) {
            FrameStream stream = new FrameStream(sub);
            hw.portal().place(wizard, 0);
            stream.await(m -> m instanceof ToyAreas, 15_000);
            ToyAreas read = stream.messages(ToyAreas.class).get(0);
            ToyRecord renamed = new ToyRecord(412, 3, new CoCreation("Merla the Grey", new Colours(1, 2, 3),
                    Upgrades.NONE, 60000, 13));
            reader.writesBeforeLift.set(4); // the fifth page write finds the field empty
            publish("portal/lift/cmd", command(7, TestHost.planWrite(read, renamed)));
            stream.await(m -> m instanceof CommandResult, 15_000);
            CommandResult result = stream.messages(CommandResult.class).get(0);
            assertNotEquals(Status.OK, result.status(), result.detail());
            assertTrue(result.detail().contains("previous record"), result.detail());
            stream.await(m -> m instanceof dev.portal.protocol.frame.TagRemoved, 15_000);
            hw.portal().place(wizard, 0); // put back: it must read as the old Merla, level 23
            stream.await(m -> stream.messages(ToyAreas.class).size() >= 2, 15_000);
            stream.drainFor(500);
            List<ToyAreas> reads = stream.messages(ToyAreas.class);
            var again = TestHost.judge(reads.get(reads.size() - 1));
            assertEquals(ToyVerdict.RECOGNISED, again.verdict(), "the interrupted write did not damage the toy");
            assertEquals("Merla", again.record().orElseThrow().coCreation().name());
            assertEquals(23, again.record().orElseThrow().coCreation().level());
        }
    }
}
