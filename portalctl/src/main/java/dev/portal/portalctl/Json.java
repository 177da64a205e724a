package dev.portal.portalctl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** JSON text for the plain trees of dev.portal.protocol.tree: pretty on output, strict on input. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static String pretty(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plain tree always serialises", e);
        }
    }

    /** Parses one JSON object; anything else is bad input. */
    public static Map<String, Object> object(String text) {
        try {
            Map<String, Object> tree = MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
            if (tree == null) {
                throw new BadInputException("expected a JSON object, got null");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new BadInputException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
    }
}
