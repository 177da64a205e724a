package dev.portal.protocol.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the language-neutral golden vectors of conformance/toy-records.json: whole tags (two areas, a UID and a
 * fleet key) with their expected verdicts, valid bodies with their records, and invalid bodies with their reasons.
 */
class ToyConformanceTest {

    private static final Path VECTORS = Path.of("conformance", "toy-records.json");
    private static final HexFormat HEX = HexFormat.of();

    private static JsonNode vectors() throws IOException {
        return new ObjectMapper().readTree(Files.readString(VECTORS));
    }

    @TestFactory
    Stream<DynamicTest> tags() throws IOException {
        JsonNode cases = vectors().get("cases");
        assertTrue(cases.size() >= 20, "the suite has " + cases.size() + " tag cases");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> checkTag(c)));
        }
        return tests.stream();
    }

    private static void checkTag(JsonNode c) {
        TagLayout layout = TagLayout.valueOf(c.get("layout").asText());
        FleetKey key = FleetKey.fromHex(c.get("fleetKey").asText());
        byte[] uid = HEX.parseHex(c.get("uid").asText());
        ToyReadResult result = SaveAreas.read(layout, hexOrNull(c.get("areaA")), hexOrNull(c.get("areaB")), uid, key);
        assertEquals(ToyVerdict.valueOf(c.get("verdict").asText()), result.verdict(), result.reason());
        assertEquals(c.get("writeCounter").asLong(), result.writeCounter(), result.reason());
        JsonNode winner = c.get("winner");
        assertEquals(winner.isNull() ? Optional.empty() : Optional.of(Area.valueOf(winner.asText())), result.winner());
        JsonNode record = c.get("record");
        assertEquals(record.isNull() ? Optional.empty() : Optional.of(record(record)), result.record());
        if (result.verdict() == ToyVerdict.RECOGNISED) {
            byte[] winning = hexOrNull(c.get(result.winner().orElseThrow() == Area.A ? "areaA" : "areaB"));
            byte[] image = ToyImage.encode(result.record().orElseThrow(), uid, key, result.writeCounter());
            assertArrayEquals(image, java.util.Arrays.copyOf(winning, image.length), "our encoder gives the vector's bytes");
        }
    }

    @TestFactory
    Stream<DynamicTest> validBodies() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode b : vectors().get("bodies")) {
            ToyRecord expected = record(b.get("record"));
            byte[] body = HEX.parseHex(b.get("body").asText());
            tests.add(DynamicTest.dynamicTest("body " + b.get("body").asText(), () -> {
                assertEquals(expected, ToyRecordCodec.decode(body));
                assertArrayEquals(body, ToyRecordCodec.encode(expected));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidBodies() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode b : vectors().get("invalidBodies")) {
            byte[] body = HEX.parseHex(b.get("body").asText());
            ToyFormatException.Reason reason = ToyFormatException.Reason.valueOf(b.get("reason").asText());
            tests.add(DynamicTest.dynamicTest(reason + " " + b.get("body").asText(), () ->
                    assertEquals(reason, assertThrows(ToyFormatException.class, () -> ToyRecordCodec.decode(body)).reason())));
        }
        return tests.stream();
    }

    private static byte[] hexOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : HEX.parseHex(n.asText());
    }

    /** The record tree used by the vectors (the FrameTree shape): colours as rrggbb, upgrades as ids. */
    private static ToyRecord record(JsonNode r) {
        JsonNode co = r.get("coCreation");
        JsonNode colours = co.get("colours");
        List<Integer> upgrades = new ArrayList<>();
        co.get("upgrades").forEach(id -> upgrades.add(id.asInt()));
        return new ToyRecord(r.get("toyType").asInt(), r.get("variant").asInt(), r.get("recordVersion").asInt(),
                new CoCreation(co.get("name").asText(),
                        new Colours(rgb(colours, "primary"), rgb(colours, "secondary"), rgb(colours, "accent")),
                        Upgrades.of(upgrades), co.get("xp").asLong(), co.get("level").asInt()));
    }

    private static int rgb(JsonNode colours, String which) {
        return Integer.parseInt(colours.get(which).asText(), 16);
    }
}
