package dev.portal.device.app;

import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.device.testing.FrameStream;
import dev.portal.device.testing.TestConfigs;
import dev.portal.device.testing.TestHost;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.VirtualTag;
import dev.portal.protocol.foreign.FailedCheck;
import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.foreign.ForeignToy;
import dev.portal.protocol.foreign.ToyForm;
import dev.portal.protocol.foreign.ToyLine;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.MosquittoSub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Toys of other lines on the whole portal service, through the chip models and the real driver: each is
 * identified (never judged by the host, never written), a tag that fails its line's check is said to, a write
 * to one is refused, and one lifted mid-read gives no identity at all.
 */
class ForeignToysDeviceTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);

    @TempDir
    Path dir;

    private SimulatedHardware hw;
    private DeviceService service;
    private final ToyCatalogue catalogue = new ToyCatalogue(TestHost.KEY);

    private void start(String id, int pads, LiftingReader... wrapped) throws Exception {
        DeviceConfig config = TestConfigs.config(id, MOSQUITTO.broker(), dir, pads);
        if (hw == null) {
            hw = SimulatedHardware.open(pads, 11);
        }
        service = PortalAssembly.assemble(config, wrapped.length > 0 ? List.of(wrapped) : hw.readers(),
                hw.lights(), new BootClock(true), () -> { });
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

    private static byte[] memory(VirtualTag tag) {
        return tag instanceof Ntag21x n ? n.dump() : ((MifareClassic1k) tag).dump();
    }

    @Test
    void everyLineIsIdentifiedAsForeignAndNoneIsReportedForJudgementOrWritten() throws Exception {
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "foreign-all", "portal/fx/evt")) {
            FrameStream stream = new FrameStream(sub);
            start("fx", 2);
            Map<String, VirtualTag> toys = Map.of("spyro", catalogue.make("spyro"), "link", catalogue.make("link"),
                    "wyldstyle", catalogue.make("wyldstyle"), "batmobile", catalogue.make("batmobile"));
            Map<String, byte[]> before = toys.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> memory(e.getValue())));
            hw.portal().place(toys.get("spyro"), 0);
            hw.portal().place(toys.get("link"), 1);
            hw.portal().place(toys.get("wyldstyle"), 0);
            hw.portal().place(toys.get("batmobile"), 1);
            stream.await("four foreign reads", s -> s.messages(ToyRead.class).size() >= 4, Duration.ofSeconds(20));
            stream.drainFor(500);

            Map<Uid, ForeignReading> reads = stream.messages(ToyRead.class).stream()
                    .peek(r -> assertEquals(ToyVerdict.FOREIGN, r.verdict()))
                    .collect(Collectors.toMap(ToyRead::uid, r -> r.foreign().orElseThrow()));
            assertEquals(new ForeignToy(ToyLine.SKYLANDERS, ToyForm.FIGURE, 0x01C3, 0x3000, 0),
                    reads.get(Uid.parse("7457caa9")));
            assertEquals(new ForeignToy(ToyLine.AMIIBO, ToyForm.FIGURE, 0x0100, 0, 0),
                    reads.get(Uid.parse("04a61672613e80")));
            assertEquals(new ForeignToy(ToyLine.LEGO_DIMENSIONS, ToyForm.FIGURE, 3, 0, 0),
                    reads.get(Uid.parse("0413bb1a994080")), "the character's id needed the UID's password and key");
            assertEquals(new ForeignToy(ToyLine.LEGO_DIMENSIONS, ToyForm.VEHICLE, 1123, 0, 0),
                    reads.get(Uid.parse("0462b68ab44280")));
            assertEquals(4, stream.messages(TagPlaced.class).size());
            assertEquals(TagType.CLASSIC_1K, stream.messages(TagPlaced.class).stream()
                    .filter(p -> p.uid().equals(Uid.parse("7457caa9"))).findFirst().orElseThrow().tagType());
            assertEquals(List.of(), stream.messages(ToyAreas.class), "no foreign toy goes to the host for judgement");
            for (Map.Entry<String, VirtualTag> toy : toys.entrySet()) {
                assertArrayEquals(before.get(toy.getKey()), memory(toy.getValue()), toy.getKey() + " was written to");
            }
            Birth birth = stream.messages(Birth.class).get(0);
            assertTrue(birth.capabilities().contains(Capability.FOREIGN_TOYS), "announced: " + birth);
        }
    }

    @Test
    void aTagThatClaimsALineButFailsItsCheckIsReportedAsSuchAndCounted() throws Exception {
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "foreign-bad", "portal/fbad/evt")) {
            FrameStream stream = new FrameStream(sub);
            start("fbad", 1);
            hw.portal().place(catalogue.make("fake-skylander"), 0);
            hw.portal().place(catalogue.make("lego:7@04010203040506!"), 0);
            stream.await("two reads", s -> s.messages(ToyRead.class).size() >= 2, Duration.ofSeconds(20));
            List<ForeignReading> readings = stream.messages(ToyRead.class).stream()
                    .map(r -> r.foreign().orElseThrow()).toList();
            assertTrue(readings.contains(new FailedCheck(ToyLine.SKYLANDERS)), readings.toString());
            assertTrue(readings.contains(new FailedCheck(ToyLine.LEGO_DIMENSIONS)), readings.toString());
            long before = stream.messages(Heartbeat.class).size();
            stream.await("a heartbeat", s -> s.messages(Heartbeat.class).size() > before, Duration.ofSeconds(15));
            List<Heartbeat> hbs = stream.messages(Heartbeat.class);
            assertEquals(2, hbs.get(hbs.size() - 1).counters().corruptTags(), "both counted as corrupt tags");
        }
    }

    @Test
    void aWriteToAForeignToyIsRefusedAndTheTagKeepsEveryByte() throws Exception {
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "foreign-w", "portal/fw/evt")) {
            FrameStream stream = new FrameStream(sub);
            start("fw", 1);
            VirtualTag vehicle = catalogue.make("batmobile");
            byte[] before = memory(vehicle);
            hw.portal().place(vehicle, 0);
            stream.await(m -> m instanceof ToyRead, 15_000);
            ToyRead read = stream.messages(ToyRead.class).get(0);
            byte[] image = new byte[48];
            image[0] = (byte) 0xA7;
            WriteArea write = new WriteArea(0, read.slot(), read.uid(), Area.A, 0, true, AreaBytes.of(image));
            MOSQUITTO.broker().publish("portal/fw/cmd", FrameCodec.encode(new Frame(Header.of(9, 1, 0, false),
                    new Command(5, write))), false);
            stream.await(m -> m instanceof CommandResult, 15_000);
            CommandResult result = stream.messages(CommandResult.class).get(0);
            assertEquals(Status.REJECTED, result.status(), result.detail());
            assertTrue(result.detail().contains("foreign"), result.detail());
            assertArrayEquals(before, memory(vehicle), "not one byte written");
        }
    }

    /**
     * Places the sample toy {@code name} behind a hand that {@code arm} sets to lift it during its read, waits for
     * its removal, and checks what every such case must show: no identity, no areas, not one byte written.
     */
    private LiftingReader liftedDuringItsRead(String name, long seed, Consumer<LiftingReader> arm) throws Exception {
        hw = SimulatedHardware.open(1, seed);
        VirtualTag toy = catalogue.make(name);
        byte[] before = memory(toy);
        LiftingReader reader = new LiftingReader(hw.readers().get(0), () -> hw.portal().remove(toy));
        arm.accept(reader);
        String device = "lift-" + name;
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), device, "portal/" + device + "/evt")) {
            FrameStream stream = new FrameStream(sub);
            start(device, 1, reader);
            hw.portal().place(toy, 0);
            stream.await(m -> m instanceof TagRemoved, 20_000);
            stream.drainFor(300);
            assertEquals(List.of(), stream.messages(ToyRead.class), "no id from a read the toy left during");
            assertEquals(List.of(), stream.messages(ToyAreas.class));
            assertEquals(1, stream.messages(TagPlaced.class).size());
            assertArrayEquals(before, memory(toy));
            assertTrue(service.health().readErrors.get() >= 1, "the interrupted read is counted");
        }
        return reader;
    }

    @Test
    void aSkylanderLiftedHalfwayThroughSectorZeroGivesNoIdentityAndLeaves() throws Exception {
        // sector 0's block 0 is read with the published key, then the hand takes the figure
        liftedDuringItsRead("spyro", 13, r -> r.blockReadsBeforeLift.set(1));
    }

    @Test
    void aLegoCharacterLiftedRightAfterItsPasswordGivesNoIdentity() throws Exception {
        // FAST_READs: our areas A and B, page 0x24 refused (read-protected), then the one after PWD_AUTH finds no tag
        LiftingReader reader = liftedDuringItsRead("wyldstyle", 17, r -> r.fastReadsBeforeLift.set(3));
        assertEquals(1, reader.passwordsSent.get(), "lifted after the password was accepted");
    }
}
