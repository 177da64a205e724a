package dev.portal.bridge.command;

import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.testing.RecordingLink;
import dev.portal.link.LinkException;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Rebirth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A portal answers a command whose correlation id it remembers (its last 256 results, kept across restarts)
 * from that memory: an id the bridge used in an earlier run would get the older command's answer.
 */
class CommandSenderTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void bridgeRunsOnOneStoreNeverSendTheSameCorrelationIdTwice() throws Exception {
        // Runs that each started at a random id below 2^20 would overlap here with near certainty (about 11
        // overlapping pairs expected among 200 runs of 300 commands).
        Map<Long, Integer> runOfId = new HashMap<>();
        for (int run = 0; run < 200; run++) {
            sendAsOneRun(run, 300, runOfId);
        }
        assertEquals(200 * 300, runOfId.size());
    }

    @Test
    void aRunThatUsesUpItsBlockOfIdsGoesOnWithFreshOnes() throws Exception {
        Map<Long, Integer> runOfId = new HashMap<>();
        sendAsOneRun(0, 3 * CorrelationIds.BLOCK + 5, runOfId);
        sendAsOneRun(1, 10, runOfId);
        assertEquals(3 * CorrelationIds.BLOCK + 15, runOfId.size());
    }

    /** One bridge run: opens the store, sends {@code commands} commands, and records the ids on the wire. */
    private void sendAsOneRun(int run, int commands, Map<Long, Integer> runOfId) throws LinkException, FrameException {
        try (JdbcStore store = JdbcStore.openSqlite(dir.resolve("bridge.db"), CLOCK)) {
            RecordingLink link = new RecordingLink();
            CommandSender sender = new CommandSender(link, CLOCK, new CorrelationIds(store));
            for (int i = 0; i < commands; i++) {
                sender.send("portal-" + i % 3, new Rebirth());
            }
            for (RecordingLink.Sent sent : link.sent()) {
                long id = ((Command) FrameCodec.decode(sent.payload()).message()).correlationId();
                Integer earlier = runOfId.put(id, run);
                assertNull(earlier, "run " + run + " sent correlation id " + id + " that run " + earlier + " sent");
            }
        }
    }
}
