package dev.portal.bridge.telemetry;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portal.bridge.testing.ManualClock;
import dev.portal.bridge.testing.RecordingLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator's log shows of refused input: one line per refusal that cannot be forged into two, and a
 * flood of refusals as a handful of lines and a summary, while every refusal is still counted and published.
 */
class DeadLettersLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(DeadLetters.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final ManualClock clock = new ManualClock(1_800_000_000_000L);
    private final RecordingLink link = new RecordingLink();
    private final BridgeCounters counters = new BridgeCounters();
    private final DeadLetters deadLetters = new DeadLetters(link, counters, clock);

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void controlCharactersInRefusedInputCannotForgeALogLine() {
        String replyTo = "game/replies/x\r\n12:00:00.000 INFO  [main] Bridge - all toys reset by admin";
        deadLetters.refuse(Refusal.BAD_REQUEST, "replyTo must be a topic game/replies/{name}: " + replyTo,
                "game/toys/04A1/update\u2028\u202Eevil", bytes("{}"));

        assertEquals(1, lines.list.size());
        String line = messages().getFirst();
        assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028") || line.contains("\u202E"),
                line);
        assertTrue(line.contains("x\\r\\n12:00:00.000 INFO"), line);
        assertTrue(line.contains("\\u2028\\u202e"), line);
    }

    @Test
    void aFloodOfOneReasonLogsAFewLinesThenASummaryPerMinute() {
        for (int i = 0; i < 1_000; i++) {
            deadLetters.refuse(Refusal.BAD_TOPIC, "names no portal", "portal/a b/evt", bytes("x"));
        }
        deadLetters.refuse(Refusal.BAD_STATUS, "not a status", "portal/p-1/status", bytes("maybe"));

        assertEquals(RefusalLog.LOGGED_PER_WINDOW + 1, lines.list.size(), "only the first few of each reason");
        assertEquals(1_000, counters.deadLetters(Refusal.BAD_TOPIC), "every refusal is counted");
        // published up to the per-sender limit (a burst of 50 from portal/a b/evt), and the other sender's one
        assertEquals(DeadLetters.BURST + 1, link.sent().size(), "and published, within each sender's limit");

        deadLetters.summarise();
        assertEquals(RefusalLog.LOGGED_PER_WINDOW + 1, lines.list.size(), "no summary before the minute is over");

        clock.advance(Duration.ofMinutes(1));
        deadLetters.summarise();
        assertEquals(RefusalLog.LOGGED_PER_WINDOW + 2, lines.list.size(), messages().toString());
        assertEquals("995 more bad-topic refusals in the last minute (counted in game/bridge/status, each on "
                + "game/deadletter)", messages().getLast());

        deadLetters.refuse(Refusal.BAD_TOPIC, "names no portal", "portal/a b/evt", bytes("x"));
        assertEquals(RefusalLog.LOGGED_PER_WINDOW + 3, lines.list.size(), "a new minute logs again");
    }
}
