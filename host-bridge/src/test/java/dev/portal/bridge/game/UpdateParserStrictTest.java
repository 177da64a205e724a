package dev.portal.bridge.game;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A request is exactly one JSON object whose fields have the types host-bridge/asyncapi.yaml gives them
 * (UpdateRequest); nothing else changes a toy. Loose input used to be applied: a second document after the
 * first, garbage after it, an amount of 5.0, a colour given as a number.
 */
class UpdateParserStrictTest {
    private static final String HEAD = "\"correlationId\":\"c1\",\"replyTo\":\"game/replies/arena-1\",";
    private final UpdateParser parser = new UpdateParser();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String request(String fields) {
        return "{" + HEAD + fields + "}";
    }

    /** Not one JSON object: no reply can be trusted to go anywhere, so a dead letter (bad-request). */
    @ParameterizedTest
    @ValueSource(strings = {
            "{HEAD\"action\":\"awardXp\",\"amount\":5}{HEAD\"action\":\"awardXp\",\"amount\":5}",
            "{HEAD\"action\":\"awardXp\",\"amount\":5} {\"amount\":9999}",
            "{HEAD\"action\":\"awardXp\",\"amount\":5}garbage",
            "{HEAD\"action\":\"awardXp\",\"amount\":5}]",
            "{HEAD\"action\":\"awardXp\",\"amount\":5,\"amount\":5000}",
            "{HEAD\"action\":\"awardXp\",\"amount\":5,\"correlationId\":\"c2\"}"})
    void moreOrLessThanOneJsonDocumentIsUnanswerable(String payload) {
        assertThrows(UpdateParser.Unanswerable.class, () -> parser.parse("04A1", bytes(payload.replace("HEAD", HEAD))));
    }

    /** One object, but a field is not what the schema says: answered "rejected". */
    @ParameterizedTest
    @ValueSource(strings = {
            "\"action\":\"awardXp\",\"amount\":\"5\"",
            "\"action\":\"awardXp\",\"amount\":5.0",
            "\"action\":\"awardXp\",\"amount\":5.5",
            "\"action\":\"awardXp\",\"amount\":1e2",
            "\"action\":\"awardXp\",\"amount\":true",
            "\"action\":\"awardXp\",\"amount\":null",
            "\"action\":\"awardXp\",\"amount\":[5]",
            "\"action\":\"unlockUpgrade\",\"upgrade\":\"3\"",
            "\"action\":\"unlockUpgrade\",\"upgrade\":3.0",
            "\"action\":\"rename\",\"name\":5",
            "\"action\":\"recolour\",\"colours\":{\"primary\":123456}",
            "\"action\":\"recolour\",\"colours\":{\"primary\":\"FF0000\"}",
            "\"action\":\"recolour\",\"colours\":{\"primary\":null}",
            "\"action\":\"recolour\",\"colours\":{\"tertiary\":\"#FF0000\"}",
            "\"action\":\"recolour\",\"colours\":{}",
            "\"action\":\"recolour\",\"colours\":\"#FF0000\"",
            "\"action\":5",
            "\"action\":\"awardXp\",\"amount\":5,\"xp\":5",
            "\"action\":\"awardXp\",\"amount\":5,\"name\":\"Inferno\"",
            "\"action\":\"rename\",\"name\":\"Inferno\",\"upgrade\":3"})
    void aFieldOfTheWrongTypeOrOneTheActionDoesNotTakeIsRejected(String fields) {
        UpdateParser.Invalid e = assertThrows(UpdateParser.Invalid.class,
                () -> parser.parse("04A1", bytes(request(fields))));
        assertInstanceOf(String.class, e.partial().correlationId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"action\":\"awardXp\",\"amount\":-5",
            "\"action\":\"awardXp\",\"amount\":4294967295",
            "\"action\":\"unlockUpgrade\",\"upgrade\":63",
            "\"action\":\"rename\",\"name\":\"Inferno\"",
            "\"action\":\"recolour\",\"colours\":{\"accent\":\"#00ff7f\",\"primary\":\"#FF4400\"}"})
    void wellTypedRequestsAreRead(String fields) {
        assertDoesNotThrow(() -> parser.parse("04A1", bytes(" " + request(fields) + "\n")));
    }
}
