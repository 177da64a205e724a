package dev.portal.protocol.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The suite must be decodable from SPEC.md alone: conformance/reference_decoder.py, a second implementation in
 * another language written from the spec, has to agree with every case. Needs python3 (as scripts/bench does).
 */
class ReferenceDecoderTest {

    @Test
    void anIndependentDecoderAgreesWithEveryCase() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "conformance/reference_decoder.py", "conformance/frames.json")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "reference decoder did not finish within 60 s");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains(", 0 mismatches"), output);
    }
}
