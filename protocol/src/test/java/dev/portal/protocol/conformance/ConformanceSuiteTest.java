package dev.portal.protocol.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Hex;
import dev.portal.protocol.frame.MessageType;
import dev.portal.protocol.tree.FrameTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the committed, language-neutral suite conformance/frames.json against this implementation. */
class ConformanceSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SUITE = Path.of("conformance", "frames.json");

    private static JsonNode cases() throws IOException {
        return JSON.readTree(SUITE.toFile()).get("cases");
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return stream(cases()).map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        Stream.Builder<JsonNode> b = Stream.builder();
        array.forEach(b::add);
        return b.build();
    }

    private static void check(JsonNode c) throws Exception {
        byte[] bytes = Hex.parse(c.get("hex").asText());
        if (c.has("error")) {
            FrameException e = assertThrows(FrameException.class, () -> FrameCodec.decode(bytes));
            assertEquals(c.get("error").asText(), e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
            return;
        }
        Frame decoded = FrameCodec.decode(bytes);
        assertEquals(c.get("frame"), JSON.valueToTree(FrameTree.toTree(decoded)));
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = JSON.treeToValue(c.get("frame"), Map.class);
        Frame fromTree = FrameTree.fromTree(tree);
        assertEquals(decoded, fromTree);
        if (c.get("canonical").asBoolean()) {
            assertEquals(c.get("hex").asText(), Hex.format(FrameCodec.encode(fromTree)));
        }
    }

    @Test
    void suiteCoversEveryTypeEveryCommandKindAndEveryRejection() throws IOException {
        Set<String> types = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        Set<String> errors = new HashSet<>();
        int count = 0;
        for (JsonNode c : cases()) {
            count++;
            if (c.has("error")) {
                errors.add(c.get("error").asText());
            } else {
                types.add(c.get("frame").get("type").asText());
                JsonNode kind = c.get("frame").get("body").get("kind");
                if (kind != null) {
                    kinds.add(c.get("frame").get("type").asText() + ":" + kind.asText());
                }
            }
        }
        assertTrue(count >= 30, count + " cases");
        for (MessageType t : MessageType.values()) {
            assertTrue(types.contains(t.name().toLowerCase(Locale.ROOT)), "no case of type " + t);
        }
        assertEquals(Set.of("command:set_led", "command:write_toy", "command:calibrate", "command:config_set",
                "command:firmware_chunk", "command:rebirth", "command:reboot", "command:show_verdict",
                "command:write_area", "command:present_token", "command:resend_frames", "command:unknown",
                "command_report:calibration", "command_report:config"), kinds);
        assertTrue(errors.containsAll(List.of("too_short", "bad_check", "unsupported_version", "unknown_type",
                "unknown_required_flag", "truncated", "bad_field", "bad_utf8", "too_long")), errors.toString());
    }

    @Test
    void theCommittedSuiteMatchesTheCasesTheGeneratorWouldWrite() throws IOException {
        List<ConformanceCases.Case> generated = ConformanceCases.all();
        JsonNode committed = cases();
        assertEquals(generated.size(), committed.size(), "regenerate conformance/frames.json and review the diff");
        for (int i = 0; i < generated.size(); i++) {
            assertEquals(Hex.format(generated.get(i).hex()), committed.get(i).get("hex").asText(), generated.get(i).name());
        }
    }
}
