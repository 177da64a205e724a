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

    @Test
    void anUpdateMayNameThePlayerItIsMadeFor() throws Exception {
        assertEquals(java.util.Optional.empty(), parser.parse("04A1", request("game/replies/a")).player());
        byte[] forAnn = "{\"correlationId\":\"c\",\"replyTo\":\"game/replies/a\",\"action\":\"rename\",\"name\":\"X\",\"player\":\"ann.42\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(java.util.Optional.of("ann.42"), parser.parse("04A1", forAnn).player());
        for (String bad : new String[] {"\"\"", "42", "null", "\"a b\"", "\"" + "p".repeat(65) + "\""}) {
            byte[] request = ("{\"correlationId\":\"c\",\"replyTo\":\"game/replies/a\",\"action\":\"awardXp\","
                    + "\"amount\":1,\"player\":" + bad + "}").getBytes(StandardCharsets.UTF_8);
            UpdateParser.Invalid e = assertThrows(UpdateParser.Invalid.class, () -> parser.parse("04A1", request), bad);
            assertTrue(e.getMessage().startsWith("player must be"), e.getMessage());
        }
    }
}
