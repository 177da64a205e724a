package dev.portal.bridge.state;

import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.store.Store;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Frame;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restarted portal's old placements are closed as of its new Birth, whenever the bridge gets to sweep them.
 * Found by the chaos run on PostgreSQL: the database was away while a portal restarted, the bridge swept 5 s
 * late, and the session it closed at its own clock overlapped the toy's next one, put down on another pad
 * before the sweep (device time) but applied after it.
 */
class LateSweepTest {
    private static final String DEVICE = "late-1";
    private static final long OLD_BOOT = 1;
    private static final long NEW_BOOT = 2;
    private static final Uid TOY = Uid.parse("0400138A0B0DD4");
    private static final long T0 = 1_796_460_000_000L;

    @TempDir
    Path dir;
    private Store store;
    private final FrameApplier applier = new FrameApplier(Duration.ofSeconds(3), new ToyAuthority(Optional.empty()), 4);

    @BeforeEach
    void open() {
        store = JdbcStore.openSqlite(dir.resolve("bridge.db"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void apply(long boot, long seq, long atMillis, Message message) {
        Frame frame = new Frame(Header.of(boot, seq, atMillis, true), message);
        store.inTransaction(tx -> applier.apply(tx, DEVICE, frame, atMillis));
    }

    private static Birth birth() {
        return new Birth(DEVICE, "1.0.0", Set.of(), List.of(), new Calibration(List.of()), 0);
    }

    @Test
    void aLateSweepEndsTheOldSessionAtTheNewBirthBeforeTheToysNextPlacement() {
        apply(OLD_BOOT, 0, T0, birth());
        apply(OLD_BOOT, 1, T0 + 1_000, new TagPlaced(1, 0, TOY, TagType.NTAG213));
        // The toy is lifted and the portal killed before it could say so; the new boot does not find it.
        long born = T0 + 5_000;
        apply(NEW_BOOT, 0, born, birth());
        // The bridge sweeps 10 s after the Birth (its database was away) ...
        store.inTransaction(tx -> applier.sweepOldBoots(tx, DEVICE, born + 10_000));
        // ... and only then applies the toy's next placement, on another pad, 4 s after the Birth.
        apply(NEW_BOOT, 1, born + 4_000, new TagPlaced(3, 0, TOY, TagType.NTAG213));

        List<PlaySession> sessions = store.inTransaction(tx -> tx.sessions(TOY.hex()));
        assertEquals(2, sessions.size(), sessions.toString());
        PlaySession old = sessions.stream().filter(s -> s.pad() == 1).findFirst().orElseThrow();
        PlaySession next = sessions.stream().filter(s -> s.pad() == 3).findFirst().orElseThrow();
        assertEquals(born, old.endedMillis(), "closed as of the new boot's Birth");
        assertTrue(old.endedMillis() <= next.startedMillis(), "one toy, one session at a time: " + sessions);
    }
}
