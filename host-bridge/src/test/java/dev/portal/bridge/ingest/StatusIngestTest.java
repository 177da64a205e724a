package dev.portal.bridge.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusIngestTest {
    private static Optional<StatusIngest.Status> parse(String text) {
        return StatusIngest.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void understandsPlainAndJsonStatuses() {
        assertEquals(Optional.of(new StatusIngest.Status(true, Optional.empty())), parse("online"));
        assertEquals(Optional.of(new StatusIngest.Status(false, Optional.empty())), parse("OFFLINE\n"));
        assertEquals(Optional.of(new StatusIngest.Status(false, Optional.of(77L))),
                parse("{\"state\":\"offline\",\"bootId\":77}"));
        assertEquals(Optional.of(new StatusIngest.Status(true, Optional.empty())), parse("{\"online\":true}"));
        assertEquals(Optional.of(new StatusIngest.Status(false, Optional.of(0xDEADBEEFL))),
                parse("{\"state\":\"offline\",\"deviceId\":\"p1\",\"bootId\":\"deadbeef\"}"));
    }

    @Test
    void refusesAnythingElse() {
        assertEquals(Optional.empty(), parse("maybe"));
        assertEquals(Optional.empty(), parse("{\"state\":\"sleepy\"}"));
        assertEquals(Optional.empty(), parse("[1,2]"));
        assertEquals(Optional.empty(), parse("{"));
    }
}
