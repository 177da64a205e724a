package dev.portal.protocol.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameArbitraries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameTreeTest {
    private final Frame placed = FrameArbitraries.samples().get(0);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> tree) {
        return (Map<String, Object>) tree.get("body");
    }

    private Map<String, Object> tree() {
        return FrameTree.toTree(placed);
    }

    private static String refusal(Map<String, Object> tree) {
        return assertThrows(IllegalArgumentException.class, () -> FrameTree.fromTree(tree)).getMessage();
    }

    @Test
    void treeUsesLowerCaseNamesHexAndPlainNumbers() {
        Map<String, Object> tree = tree();
        assertEquals("tag_placed", tree.get("type"));
        assertEquals("04a1b2c3d4e5f6", body(tree).get("uid"));
        assertEquals("ntag215", body(tree).get("tagType"));
        assertEquals(1_764_000_000_000L, ((Map<?, ?>) tree.get("header")).get("timestampMillis"));
        assertEquals(1, body(tree).get("pad"));
    }

    @Test
    void aMisspeltFieldIsRefusedWithItsPath() {
        Map<String, Object> tree = tree();
        body(tree).put("tagTyp", "ntag215");
        assertTrue(refusal(tree).contains("body.tagTyp: unexpected field"));
    }

    @Test
    void aMissingFieldIsRefusedWithItsPath() {
        Map<String, Object> tree = tree();
        body(tree).remove("uid");
        assertTrue(refusal(tree).contains("body.uid: missing"));
    }

    @Test
    void wrongTypesAndUnknownNamesAreRefused() {
        Map<String, Object> tree = tree();
        body(tree).put("pad", "one");
        assertTrue(refusal(tree).contains("body.pad: expected an integer"));
        tree = tree();
        body(tree).put("pad", 1.5);
        assertTrue(refusal(tree).contains("body.pad"));
        tree = tree();
        body(tree).put("tagType", "ntag999");
        assertTrue(refusal(tree).contains("is not one of"));
        tree = tree();
        body(tree).put("uid", "0g");
        assertTrue(refusal(tree).contains("body.uid"));
    }

    @Test
    void outOfRangeValuesAreRefusedByTheRecords() {
        Map<String, Object> tree = tree();
        body(tree).put("slot", 256);
        assertTrue(refusal(tree).contains("slot"));
    }

    @Test
    void versionMustBeMajorDotMinor() {
        Map<String, Object> tree = tree();
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) tree.get("header");
        header.put("version", "one");
        assertTrue(refusal(tree).contains("header.version"));
        header.put("version", "2.0");
        assertTrue(refusal(tree).contains("major version"));
    }

    @Test
    void everySampleSurvivesTheTree() {
        for (Frame f : FrameArbitraries.samples()) {
            assertEquals(f, FrameTree.fromTree(FrameTree.toTree(f)));
        }
    }

    @Test
    void configEntriesKeepTheirOrder() {
        Frame config = FrameArbitraries.samples().get(9);
        Map<String, Object> body = body(FrameTree.toTree(config));
        assertEquals(List.of("poll.intervalMs", "led.brightness"),
                List.copyOf(((LinkedHashMap<?, ?>) body.get("entries")).keySet()));
    }
}
