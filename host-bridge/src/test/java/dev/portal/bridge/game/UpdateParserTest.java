package dev.portal.bridge.game;

import dev.portal.link.GameTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateParserTest {
    private final UpdateParser parser = new UpdateParser();

    private static byte[] request(String replyTo) {
        return ("{\"correlationId\":\"c1\",\"replyTo\":\"" + replyTo + "\",\"action\":\"awardXp\",\"amount\":5}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aReplyTopicUnderGameRepliesIsKeptAsATypedTopic() throws Exception {
        UpdateRequest r = parser.parse("04A1", request("game/replies/arena-1"));
        assertEquals(GameTopics.replies("arena-1"), r.replyTo());
    }

    /** A request must not make the bridge publish on a portal's commands, a toy's document or its own status. */
    @ParameterizedTest
    @ValueSource(strings = {"portal/p-1/cmd", "game/toys/04A1", "game/bridge/status", "game/events", "game/replies",
            "game/replies/", "game/replies/a/b", "game/replies/+", "game/replies/#", "other/topic"})
    void anyOtherReplyTopicMakesTheRequestUnanswerable(String replyTo) {
        UpdateParser.Unanswerable e = assertThrows(UpdateParser.Unanswerable.class,
                () -> parser.parse("04A1", request(replyTo)));
        assertTrue(e.getMessage().contains("game/replies/{name}"), e.getMessage());
    }
}
