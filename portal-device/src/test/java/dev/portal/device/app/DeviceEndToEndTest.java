package dev.portal.device.app;

import dev.portal.device.frame.BootClock;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.device.testing.FrameStream;
import dev.portal.device.testing.TestConfigs;
import dev.portal.device.testing.TestHost;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.ReaderChip;
import dev.portal.device.outbox.OutboxRecord;
import dev.portal.hardware.sim.tag.VirtualTag;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.MosquittoSub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole service on chip models through the real drivers (MFRC522 on the model SPI bus; PN532 on a socat pty
 * pair through the UART driver), publishing to a real Mosquitto.
 */
class DeviceEndToEndTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);

    @TempDir
    Path dir;

    private SimulatedHardware hw;
    private DeviceService service;
    private final ToyCatalogue catalogue = new ToyCatalogue(TestHost.KEY);

    private void start(String id, int pads) throws Exception {
        start(id, pads, ReaderChip.MFRC522);
    }

    private void start(String id, int pads, ReaderChip chip) throws Exception {
        DeviceConfig config = TestConfigs.config(id, MOSQUITTO.broker(), dir, pads, chip);
        hw = SimulatedHardware.forPads(config.pads(), 11);
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

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    /** Waits until the service has kept a frame of {@code type} in its outbox at or after {@code fromIndex}. */
    private void awaitKept(Class<? extends Message> type, long fromIndex) {
        Await.until("a " + type.getSimpleName() + " kept in the outbox", () -> {
            for (OutboxRecord r : service.outbox().readDurable(fromIndex, 1000)) {
                if (type.isInstance(FrameCodec.decode(r.payload()).message())) {
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(15));
    }

    private static void assertSequential(List<Frame> frames) {
        for (int i = 1; i < frames.size(); i++) {
            assertEquals(frames.get(i - 1).header().sequence() + 1, frames.get(i).header().sequence(),
                    "frames arrive in sequence order without gaps");
        }
    }

    @ParameterizedTest
    @EnumSource(ReaderChip.class)
    void placementsBecomeTagPlacedAndToyAreasFramesOnTheBrokerInOrder(ReaderChip chip) throws Exception {
        String id = "order-" + chip.configName();
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "e2e-" + id, "portal/" + id + "/evt")) {
            FrameStream stream = new FrameStream(sub);
            start(id, 2, chip);
            VirtualTag dragon = catalogue.make("dragon");
            VirtualTag robot = catalogue.make("robot");
            hw.portal().place(dragon, 0);
            stream.await(m -> m instanceof ToyAreas, 15_000);
            hw.portal().place(robot, 1);
            stream.await(m -> m instanceof ToyAreas t && t.uid().hex().equals("9A3C5E71"), 15_000);
            hw.portal().remove(dragon);
            List<Frame> frames = stream.await(m -> m instanceof TagRemoved, 15_000);
            Birth birth = assertInstanceOf(Birth.class, frames.get(0).message());
            assertEquals(id, birth.deviceId());
            assertEquals(2, birth.pads().size());
            assertTrue(birth.pads().get(0).reader().startsWith(chip.name()), birth.pads().toString());
            assertEquals(2, birth.calibration().pads().size());
            assertEquals(3, birth.calibration().pads().get(0).removalMissThreshold());
            // heartbeats, and the Birth that follows the first connect, may fall anywhere in between
            frames = frames.stream().skip(1).filter(f -> !(f.message() instanceof Heartbeat)
                    && !(f.message() instanceof Birth)).toList();
            frames = java.util.stream.Stream.concat(java.util.stream.Stream.of(stream.frames().get(0)),
                    frames.stream()).toList();
            assertEquals(0, frames.get(0).header().sequence(), "the boot starts with its Birth");
            List<String> kinds = frames.stream().skip(1).map(f -> f.message().getClass().getSimpleName() + " "
                    + switch (f.message()) {
                        case TagPlaced p -> p.uid().hex();
                        case ToyAreas a -> a.uid().hex() + " " + TestHost.judge(a).verdict();
                        case TagRemoved r -> r.uid().hex();
                        default -> "";
                    }).toList();
            assertEquals(List.of("TagPlaced 04D7A9C1E25B80", "ToyAreas 04D7A9C1E25B80 RECOGNISED",
                    "TagPlaced 9A3C5E71", "ToyAreas 9A3C5E71 RECOGNISED", "TagRemoved 04D7A9C1E25B80"), kinds,
                    "the areas a portal reports, judged by a host holding the key");
            ToyAreas read = stream.messages(ToyAreas.class).get(0);
            assertEquals("Ember", TestHost.judge(read).record().orElseThrow().coCreation().name());
            assertSequential(stream.frames());
        }
    }

    @ParameterizedTest
    @EnumSource(ReaderChip.class)
    void flakyRfWithFivePercentMissedAnswersNeverProducesARemoval(ReaderChip chip) throws Exception {
        String id = "flaky-" + chip.configName();
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "e2e-" + id, "portal/" + id + "/evt")) {
            FrameStream stream = new FrameStream(sub);
            start(id, 1, chip);
            hw.portal().pad(0).faults().missedAnswers(0.05);
            for (String toy : List.of("dragon", "knight", "wizard", "blank")) {
                hw.portal().place(catalogue.make(toy), 0);
            }
            long polls0 = service.health().polls.get();
            stream.drainFor(6000);
            long polls = service.health().polls.get() - polls0;
            assertTrue(polls >= 40, "polled " + polls + " times");
            assertEquals(4, stream.messages(TagPlaced.class).size(), "each toy announced once: "
                    + stream.messages(TagPlaced.class));
            assertTrue(stream.messages(TagRemoved.class).isEmpty(), "no false removal");
            assertEquals(0, service.health().readerResets.get(), "RF noise is not a reason to reset the reader");
            assertTrue(hw.portal().pad(0).faults().injectedCount() > 0, "faults were injected");
            assertEquals(4, stream.messages(ToyAreas.class).stream().map(r -> r.uid().hex()).distinct().count(),
                    "every toy reported, once: " + stream.messages(ToyAreas.class));
            assertEquals(4, stream.messages(ToyAreas.class).size());
            assertEquals(List.of("BLANK", "RECOGNISED", "RECOGNISED", "RECOGNISED"), stream.messages(ToyAreas.class)
                    .stream().map(a -> TestHost.judge(a).verdict().name()).sorted().toList(),
                    "and every one read whole, through the faults");
        }
    }

    /**
     * A PN532 lists at most two targets per InListPassiveTarget; its driver halts the two it found and lists
     * again until nobody new answers, so a third and fourth toy on one PN532 pad are found in the same poll as
     * the first two, and lifting one of them removes only that one.
     */
    @Test
    void aPn532PadFindsEveryToyOnItNotJustTheTwoOneListingReturns() throws Exception {
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "e2e-crowd", "portal/crowd/evt")) {
            FrameStream stream = new FrameStream(sub);
            start("crowd", 1, ReaderChip.PN532);
            List<String> toys = List.of("dragon", "knight", "wizard", "robot");
            java.util.Map<String, VirtualTag> placed = new java.util.LinkedHashMap<>();
            for (String toy : toys) {
                placed.put(toy, catalogue.make(toy));
                hw.portal().place(placed.get(toy), 0);
            }
            stream.await("all four toys read", s -> s.messages(ToyAreas.class).size() >= 4, Duration.ofSeconds(20));
            assertEquals(List.of("RECOGNISED", "RECOGNISED", "RECOGNISED", "RECOGNISED"), stream.messages(ToyAreas.class)
                    .stream().map(a -> TestHost.judge(a).verdict().name()).toList());
            assertEquals(4, stream.messages(TagPlaced.class).stream().map(p -> p.slot()).distinct().count(),
                    "four toys, four slots: " + stream.messages(TagPlaced.class));
            hw.portal().remove(placed.get("knight"));
            stream.await(m -> m instanceof TagRemoved, 15_000);
            stream.drainFor(1000);
            assertEquals(List.of("04B10C2D3E4F51"), stream.messages(TagRemoved.class).stream().map(r -> r.uid().hex())
                    .toList(), "only the lifted toy leaves");
            assertEquals(3, service.slots().present());
            assertEquals(4, stream.messages(TagPlaced.class).size(), "nobody announced twice");
        }
    }

    @Test
    void framesMadeWhileTheBrokerIsDownAreDeliveredInOrderWhenItReturns() throws Exception {
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "e2e-outage", "portal/outage/evt")) {
            FrameStream stream = new FrameStream(sub);
            start("outage", 2);
            stream.await(m -> m instanceof Birth, 15_000);
            MOSQUITTO.broker().stop();
            try {
                VirtualTag wizard = catalogue.make("wizard");
                for (int i = 0; i < 5; i++) {
                    long kept = service.outbox().nextIndex();
                    hw.portal().place(wizard, i % 2);
                    awaitKept(ToyAreas.class, kept); // the wizard stays until the portal has read it
                    kept = service.outbox().nextIndex();
                    hw.portal().remove(wizard);
                    awaitKept(TagRemoved.class, kept);
                }
                assertTrue(service.outbox().stats().depth() >= 15, "kept: " + service.outbox().stats());
            } finally {
                MOSQUITTO.broker().start();
            }
            stream.await("the fifth removal", s -> s.messages(TagRemoved.class).size() >= 5, Duration.ofSeconds(20));
            assertEquals(5, stream.messages(TagPlaced.class).size());
            assertEquals(5, stream.messages(TagRemoved.class).size());
            List<Frame> frames = stream.frames();
            assertSequential(frames);
            assertTrue(service.deliveryStats().connects() >= 2);
        }
    }
}
