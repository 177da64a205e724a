package dev.portal.bench.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/** Turns the JMH results and the size counts into the Markdown section scripts/bench stores. */
final class Report {
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("portalBinary", "Portal frames (this protocol)");
        LABELS.put("jacksonJson", "Jackson JSON (flat records)");
        LABELS.put("jacksonCbor", "Jackson CBOR (flat records)");
    }

    private Report() {
    }

    static void print(List<Collection<RunResult>> rounds, Map<String, Double> sizes) throws IOException {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (Collection<RunResult> round : rounds) {
            Map<String, Double> byName = new LinkedHashMap<>();
            for (RunResult r : round) {
                String name = r.getParams().getBenchmark();
                byName.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
            }
            double json = byName.get("jacksonJson");
            byName.forEach((name, score) -> {
                scores.computeIfAbsent(name, k -> new ArrayList<>()).add(score);
                ratios.computeIfAbsent(name, k -> new ArrayList<>()).add(score / json);
            });
        }
        StringBuilder out = new StringBuilder();
        out.append("Encode + decode of one event, one thread (JMH throughput in one JVM: 6 s JIT warm-up per format, then ")
                .append(rounds.size()).append(" rounds of 1 s warm-up + 2 x 1 s measurement per format, formats back to back; ")
                .append("medians over the rounds, ratios taken within each round). Events: a seeded mix of ")
                .append(ProtocolBench.VISITS)
                .append(" toy visits, each TagPlaced + ToyRead (3 in 4 with a toy record) + Heartbeat + TagRemoved; ")
                .append("the JSON and CBOR rows bind the same events as flat Java records with Jackson.\n\n");
        out.append("| Format | Bytes/event | Ops/s (encode+decode) | Ratio to JSON (ops/s) | Size vs JSON |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, String> e : LABELS.entrySet()) {
            double size = sizes.get(e.getKey());
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %,.0f | %.1fx | %.0f%% |%n", e.getValue(), size,
                    median(scores.get(e.getKey())), median(ratios.get(e.getKey())), 100 * size / sizes.get("jacksonJson")));
        }
        List<Double> sorted = new ArrayList<>(ratios.get("portalBinary"));
        Collections.sort(sorted);
        out.append(String.format(Locale.ROOT, "%nPortal/JSON throughput ratio per round, sorted: %s. ",
                sorted.stream().map(r -> String.format(Locale.ROOT, "%.1fx", r)).toList()))
                .append("Absolute ops/s follow the machine's load; the ratio within a round is the stable figure.\n");
        out.append("\nTypical frame of every message type (bytes on the wire; MQTT payload, no serial framing):\n\n");
        out.append("| Message | Portal frame | JSON tree (FrameTree, compact) | CBOR tree |\n|---|---:|---:|---:|\n");
        ObjectMapper json2 = new ObjectMapper();
        ObjectMapper cbor = new CBORMapper();
        for (Map.Entry<String, Frame> e : BenchEvents.typical().entrySet()) {
            Object tree = dev.portal.protocol.tree.FrameTree.toTree(e.getValue());
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", e.getKey(), FrameCodec.encode(e.getValue()).length,
                    json2.writeValueAsBytes(tree).length, cbor.writeValueAsBytes(tree).length));
        }
        System.out.print(out);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
