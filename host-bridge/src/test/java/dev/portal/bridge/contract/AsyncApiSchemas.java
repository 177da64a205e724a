package dev.portal.bridge.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON Schemas of host-bridge/asyncapi.yaml, by name, ready to validate payloads. */
final class AsyncApiSchemas {
    static final Path FILE = Path.of("asyncapi.yaml"); // surefire runs in the module folder

    private final JsonNode root;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    AsyncApiSchemas() throws IOException {
        root = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
    }

    JsonNode root() {
        return root;
    }

    /** Problems of {@code payload} against components/schemas/{name}; empty when valid. */
    Set<String> problems(String name, JsonNode payload) {
        JsonSchema schema = schemas.computeIfAbsent(name, n -> {
            if (root.at("/components/schemas/" + n).isMissingNode()) {
                throw new IllegalArgumentException("no schema " + n + " in " + FILE);
            }
            // The whole document is the schema's home, so #/components/schemas/... references resolve.
            ObjectNode home = root.deepCopy();
            home.put("$ref", "#/components/schemas/" + n);
            return factory.getSchema(home);
        });
        return schema.validate(payload).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    /** The schema name a message's payload refers to. */
    String payloadSchema(String messageName) {
        String ref = root.at("/components/messages/" + messageName + "/payload/$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Which schema describes what arrives on {@code topic}, or null for topics the file does not cover. */
    static String schemaForTopic(String topic, String replyTopic) {
        String[] parts = topic.split("/");
        if (topic.equals(replyTopic)) {
            return "UpdateReply";
        }
        if (topic.equals("game/events")) {
            return "Event";
        }
        if (topic.equals("game/deadletter")) {
            return "DeadLetter";
        }
        if (topic.equals("game/bridge/status")) {
            return "BridgeStatus";
        }
        if (topic.startsWith("game/portals/") && parts.length == 3) {
            return "Portal";
        }
        if (topic.startsWith("game/foreign-toys/") && parts.length == 3) {
            return "ForeignToy";
        }
        if (topic.startsWith("game/toys/") && parts.length == 3) {
            return "Toy";
        }
        if (topic.startsWith("game/toys/") && parts.length == 4 && parts[3].equals("update")) {
            return "UpdateRequest";
        }
        return null;
    }
}
