package dev.portal.protocol.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.protocol.frame.Hex;
import dev.portal.protocol.tree.FrameTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes conformance/frames.json from {@link ConformanceCases}. Run by hand when cases are added, then review
 * the diff: the committed file, not this class, is the suite. Argument: output path.
 */
public final class ConformanceGenerator {
    private ConformanceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "protocol/conformance/frames.json");
        List<Object> cases = new ArrayList<>();
        for (ConformanceCases.Case c : ConformanceCases.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("description", c.description());
            m.put("hex", Hex.format(c.hex()));
            if (c.error() != null) {
                m.put("error", c.error());
            } else {
                m.put("canonical", c.canonical());
                m.put("frame", FrameTree.toTree(c.frame()));
            }
            cases.add(m);
        }
        // One case per line: a reviewer reads and diffs the suite case by case.
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder json = new StringBuilder();
        json.append("{\"suite\": \"portal frames\", \"protocolVersion\": \"1.0\", \"spec\": \"protocol/SPEC.md\",\n");
        json.append(" \"cases\": [\n");
        for (int i = 0; i < cases.size(); i++) {
            json.append("  ").append(mapper.writeValueAsString(cases.get(i))).append(i + 1 < cases.size() ? ",\n" : "\n");
        }
        json.append("]}\n");
        Files.writeString(out, json);
        System.out.println("wrote " + cases.size() + " cases to " + out);
    }
}
