package dev.portal.bridge.ingest;

import dev.portal.bridge.state.ToyAuthority;
import dev.portal.bridge.testing.SimTag;

import dev.portal.bridge.command.CommandSender;
import dev.portal.bridge.command.CorrelationIds;
import dev.portal.bridge.game.BridgeParts;
import dev.portal.bridge.game.EventOutbox;
import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.game.UpdateService;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.link.Acknowledgement;
import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.link.Topic;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.testing.RecordingLink;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.id.Uid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker may hear that a frame is handled only once its effect is in the database: that is what lets a
 * bridge killed at any moment get everything it had not committed again from the broker.
 */
class FrameIngestAckTest {
    private static final DeviceId DEVICE = DeviceId.of("ack-1");
    private static final Topic TOPIC = PortalTopics.evt(DEVICE);
    private static final long BOOT = 77;

    @TempDir
    Path dir;
    private Store store;
    private ScheduledExecutorService timer;
    private FrameIngest ingest;
    private final Runnable[] pendingExpiry = new Runnable[1];

    /** Counts its acknowledgements. */
    private static final class Ack implements Acknowledgement {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void acknowledge() {
            count.incrementAndGet();
        }

        boolean sent() {
            return count.get() > 0;
        }
    }

    @BeforeEach
    void open() {
        Clock clock = Clock.systemUTC();
        store = JdbcStore.openSqlite(dir.resolve("bridge.db"), clock);
        timer = Executors.newSingleThreadScheduledExecutor();
        BrokerLink link = new RecordingLink(); // the test looks at the store and the acks, not at what is sent
        BridgeCounters counters = new BridgeCounters();
        CommandSender commands = new CommandSender(link, clock, new CorrelationIds(store));
        DeadLetters deadLetters = new DeadLetters(link, counters, clock);
        GamePublisher publisher = new GamePublisher(link, store, counters,
                new EventOutbox(store, link, counters, "ack-test-bridge", Duration.ofSeconds(10)));
        // The reorder window's end is run by hand (expire()), never by the timer's thread.
        BridgeParts parts = BridgeParts.builder().store(store).publisher(publisher).commands(commands)
                .deadLetters(deadLetters).counters(counters).clock(clock).timer(timer)
                .worker(task -> pendingExpiry[0] = task).toys(new ToyAuthority(Optional.of(SimTag.KEY))).build();
        UpdateService updates = new UpdateService(parts, Duration.ofSeconds(5));
        ingest = new FrameIngest(parts, updates, Duration.ofHours(1), Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        store.close();
    }

    private static byte[] frame(long seq, Message message) {
        return FrameCodec.encode(new Frame(Header.of(BOOT, seq, 0, false), message));
    }

    private static byte[] birth(long seq) {
        return frame(seq, new Birth(DEVICE.value(), "1.0.0", Set.of(), List.of(), new Calibration(List.of()), 0));
    }

    private static byte[] placed(long seq, int pad) {
        return frame(seq, new TagPlaced(pad, 0, Uid.of(new byte[] {4, 1, 2, (byte) pad}), TagType.NTAG215));
    }

    private Optional<Placement> onPad(int pad) {
        return store.inTransaction(tx -> tx.placement(DEVICE.value(), pad, 0));
    }

    @Test
    void aFrameIsAcknowledgedOnlyAfterItsBatchIsCommitted() {
        Ack birth = new Ack();
        Ack placed = new Ack();
        ingest.onFrame(DEVICE, TOPIC, birth(0), 0, birth);
        ingest.onFrame(DEVICE, TOPIC, placed(1, 2), 0, placed);

        assertTrue(!birth.sent() && !placed.sent(), "nothing acknowledged before the commit");
        assertTrue(onPad(2).isEmpty(), "nothing committed yet");

        ingest.flush();

        assertTrue(onPad(2).isPresent(), "the placement is in the store");
        assertEquals(1, birth.count.get());
        assertEquals(1, placed.count.get());
    }

    @Test
    void aFrameHeldForAMissingOneStaysUnacknowledgedUntilItIsCommitted() {
        ingest.onFrame(DEVICE, TOPIC, birth(0), 0, new Ack());
        ingest.flush();
        Ack early = new Ack();
        Ack earlyAgain = new Ack(); // the broker sent it again (a reconnect) while it was held
        ingest.onFrame(DEVICE, TOPIC, placed(2, 3), 0, early);
        ingest.onFrame(DEVICE, TOPIC, placed(2, 3), 0, earlyAgain);
        ingest.flush();

        assertTrue(!early.sent() && !earlyAgain.sent(), "a held frame is not in the store: not acknowledged");
        assertTrue(onPad(3).isEmpty());

        Ack missing = new Ack();
        ingest.onFrame(DEVICE, TOPIC, placed(1, 1), 0, missing);
        ingest.flush();

        assertTrue(onPad(1).isPresent() && onPad(3).isPresent(), "both applied, in order");
        assertTrue(missing.sent() && early.sent() && earlyAgain.sent());
    }

    @Test
    void duplicatesAndRefusedFramesAreAcknowledgedSoTheBrokerStopsSendingThem() {
        ingest.onFrame(DEVICE, TOPIC, birth(0), 0, new Ack());
        ingest.onFrame(DEVICE, TOPIC, placed(1, 0), 0, new Ack());
        ingest.flush();
        Ack duplicate = new Ack();
        Ack garbage = new Ack();
        ingest.onFrame(DEVICE, TOPIC, placed(1, 0), 0, duplicate);
        ingest.onFrame(DEVICE, TOPIC, new byte[]{1, 2, 3}, 0, garbage);
        ingest.flush();

        assertEquals(1, duplicate.count.get());
        assertEquals(1, garbage.count.get());
    }

    @Test
    void framesOfABootHeldBeforeItsBirthAreAppliedWhenALaterBirthAnnouncesIt() {
        // The boot's first Birth never came (the bridge's database was restored from an old copy, say); the
        // frames wait, and the Birth that answers a rebirth request releases them in order before itself.
        Ack placed = new Ack();
        ingest.onFrame(DEVICE, TOPIC, placed(4, 1), 0, placed);
        ingest.flush();
        assertTrue(!placed.sent());

        Ack rebirth = new Ack();
        ingest.onFrame(DEVICE, TOPIC, birth(5), 0, rebirth);
        ingest.flush();

        assertTrue(onPad(1).isPresent(), "the early placement was applied, not dropped");
        assertTrue(placed.sent() && rebirth.sent());
    }
}
