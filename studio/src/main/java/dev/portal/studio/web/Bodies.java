package dev.portal.studio.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Optional;

/** Reads a request body strictly: one JSON object, no key twice; fields of the wrong type are refused. */
final class Bodies {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Bodies() {
    }

    static JsonNode object(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw Problem.badRequest("The request must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw Problem.badRequest("The request is not valid JSON.");
        }
    }

    static String text(JsonNode body, String field, int maxChars) {
        return optionalText(body, field, maxChars)
                .orElseThrow(() -> Problem.badRequest("Missing " + field + "."));
    }

    static Optional<String> optionalText(JsonNode body, String field, int maxChars) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().length() > maxChars) {
            throw Problem.badRequest(field + " must be text of at most " + maxChars + " characters.");
        }
        return Optional.of(value.asText());
    }
}
