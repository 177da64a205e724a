package dev.portal.bridge.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.game.UpdateParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The UpdateRequest schema of asyncapi.yaml and the bridge's UpdateParser judge every request alike: what the
 * schema allows the bridge reads, what it does not the bridge refuses. (Whether a payload is one JSON document
 * at all is before any schema: UpdateParserStrictTest covers that.)
 */
class UpdateRequestSchemaTest {
    private static final String HEAD = "\"correlationId\":\"c1\",\"replyTo\":\"game/replies/arena-1\",";

    @ParameterizedTest
    @ValueSource(strings = {
            "\"action\":\"awardXp\",\"amount\":5",
            "\"action\":\"awardXp\",\"amount\":-4294967295",
            "\"action\":\"awardXp\",\"amount\":4294967296",
            "\"action\":\"awardXp\",\"amount\":\"5\"",
            "\"action\":\"awardXp\",\"amount\":5.5",
            "\"action\":\"awardXp\"",
            "\"action\":\"awardXp\",\"amount\":5,\"xp\":5",
            "\"action\":\"awardXp\",\"amount\":5,\"name\":\"Inferno\"",
            "\"action\":\"rename\",\"name\":\"Inferno\"",
            "\"action\":\"rename\",\"name\":5",
            "\"action\":\"recolour\",\"colours\":{\"accent\":\"#00ff7f\"}",
            "\"action\":\"recolour\",\"colours\":{\"accent\":\"00FF7F\"}",
            "\"action\":\"recolour\",\"colours\":{\"accent\":123456}",
            "\"action\":\"recolour\",\"colours\":{\"tertiary\":\"#00FF7F\"}",
            "\"action\":\"recolour\",\"colours\":{}",
            "\"action\":\"unlockUpgrade\",\"upgrade\":63",
            "\"action\":\"unlockUpgrade\",\"upgrade\":64",
            "\"action\":\"unlockUpgrade\",\"upgrade\":3,\"amount\":1",
            "\"action\":\"teleport\""})
    void theSchemaAndTheParserAgree(String fields) throws Exception {
        String request = "{" + HEAD + fields + "}";
        JsonNode tree = GameJson.MAPPER.readTree(request);
        Set<String> problems = new AsyncApiSchemas().problems("UpdateRequest", tree);
        boolean parsed;
        try {
            new UpdateParser().parse("04A1", request.getBytes(StandardCharsets.UTF_8));
            parsed = true;
        } catch (UpdateParser.Invalid | UpdateParser.Unanswerable e) {
            parsed = false;
        }
        assertEquals(problems.isEmpty(), parsed, request + ": schema problems " + problems);
    }
}
