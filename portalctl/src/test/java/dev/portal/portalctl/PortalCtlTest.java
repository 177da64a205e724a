package dev.portal.portalctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs portalctl in-process against the protocol's conformance suite. */
class PortalCtlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PortalCtl.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static JsonNode golden(String name) throws IOException {
        for (JsonNode c : JSON.readTree(Path.of("..", "protocol", "conformance", "frames.json").toFile()).get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no golden case " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tag_placed_uid7", "toy_read_recognised", "birth_full", "command_config_set", "command_result_ok"})
    void decodePrintsTheGoldenTreeAndEncodeGivesTheBytesBack(String name) throws IOException {
        JsonNode golden = golden(name);
        String hex = golden.get("hex").asText();
        Run decoded = run("", "decode", hex);
        assertEquals(0, decoded.code(), decoded.err());
        assertEquals(golden.get("frame"), JSON.readTree(decoded.out()));

        Run encoded = run(decoded.out(), "encode");
        assertEquals(0, encoded.code(), encoded.err());
        assertEquals(hex, encoded.out().strip());
    }

    @Test
    void decodeReadsHexFromStdinAndServesSerialPackets() throws IOException {
        String hex = golden("tag_placed_uid7").get("hex").asText();
        Run packet = run("{\"header\":{\"version\":\"1.0\",\"bootId\":1,\"sequence\":2,\"timestampMillis\":3,"
                + "\"clockSynced\":false},\"type\":\"tag_removed\",\"body\":{\"pad\":0,\"slot\":0,\"uid\":\"00000000\","
                + "\"presentMillis\":0}}", "encode", "--cobs");
        assertEquals(0, packet.code(), packet.err());
        assertTrue(packet.out().startsWith("00") && packet.out().strip().endsWith("00"), packet.out());
        Run fromPacket = run("", "decode", "--cobs", packet.out().strip());
        assertEquals(0, fromPacket.code(), fromPacket.err());
        assertEquals("tag_removed", JSON.readTree(fromPacket.out()).get("type").asText());

        Run fromStdin = run(hex + "\n", "decode");
        assertEquals(0, fromStdin.code(), fromStdin.err());
        assertEquals("ntag215", JSON.readTree(fromStdin.out()).get("body").get("tagType").asText());
    }

    @Test
    void badHexIsBadInput() {
        Run r = run("", "decode", "10zz");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("not hex"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUndecodableFrameReportsItsReason() throws IOException {
        Run r = run("", "decode", golden("bad_check").get("hex").asText());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("bad_check"), r.err());
    }

    @Test
    void encodeNamesTheFieldThatIsWrong() {
        Run r = run("{\"header\":{\"version\":\"1.0\",\"bootId\":1,\"sequence\":2,\"timestampMillis\":3,"
                + "\"clockSynced\":false},\"type\":\"tag_placed\",\"body\":{\"pad\":300,\"slot\":0,\"uid\":\"01\","
                + "\"tagType\":\"ntag213\"}}", "encode");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("pad"), r.err());
        Run notJson = run("{\"header\": ", "encode");
        assertEquals(ExitCodes.BAD_INPUT, notJson.code());
        assertTrue(notJson.err().contains("not valid JSON"), notJson.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "decode --help", "encode --help", "help decode"})
    void helpWorksOnEveryCommand(String args) {
        Run r = run("", args.split(" "));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: portalctl"), r.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(ExitCodes.USAGE, run("", "decode", "--no-such-option").code());
        assertEquals(ExitCodes.USAGE, run("", "no-such-command").code());
        assertEquals(ExitCodes.USAGE, run("").code());
    }
}
