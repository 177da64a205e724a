package dev.portal.bench.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code scripts/bench protocol}: encode + decode throughput and bytes per event of the portal frame format
 * beside Jackson JSON and Jackson CBOR on the same events. One operation = encode one event and decode it back.
 * Prints Markdown on stdout (progress on stderr).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProtocolBench {
    static final int VISITS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new CBORMapper();

    private Frame[] frames;
    private JacksonEvents.Event[] events;
    private int next;

    @Setup
    public void setUp() {
        List<Frame> mix = BenchEvents.mix(VISITS);
        frames = mix.toArray(Frame[]::new);
        events = mix.stream().map(JacksonEvents::of).toArray(JacksonEvents.Event[]::new);
    }

    private int index() {
        int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public Frame portalBinary() throws FrameException {
        return FrameCodec.decode(FrameCodec.encode(frames[index()]));
    }

    @Benchmark
    public JacksonEvents.Event jacksonJson() throws IOException {
        return JSON.readValue(JSON.writeValueAsBytes(events[index()]), JacksonEvents.Event.class);
    }

    @Benchmark
    public JacksonEvents.Event jacksonCbor() throws IOException {
        return CBOR.readValue(CBOR.writeValueAsBytes(events[index()]), JacksonEvents.Event.class);
    }

    /**
     * Rounds of all three formats, back to back in one warmed-up JVM. On a shared machine the load changes
     * from second to second; formats measured seconds apart in the same round see the same load, so the
     * per-round ratios are stable where absolute figures are not. Reported: medians over the rounds.
     */
    static final int ROUNDS = 6;

    public static void main(String[] args) throws RunnerException, IOException {
        checkRoundTrips();
        System.err.println("protocol bench: JIT warm-up, 3 formats x 6 s");
        new Runner(options(6, 1)).run();
        List<Collection<RunResult>> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            System.err.println("protocol bench: round " + round + "/" + ROUNDS + ": 3 formats x (1 s warm-up + 2 s measurement)");
            rounds.add(new Runner(options(1, 2)).run());
        }
        Report.print(rounds, sizes());
    }

    private static Options options(int warmupSeconds, int measureSeconds) {
        // forks(0): every round runs in this JVM, already warm; the benchmarks share no code paths to pollute.
        return new OptionsBuilder()
                .include(ProtocolBench.class.getName() + "\\.")
                .forks(0)
                .warmupIterations(warmupSeconds).warmupTime(TimeValue.seconds(1))
                .measurementIterations(measureSeconds).measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build();
    }

    /** Average encoded bytes per event of the mix, per format. */
    static Map<String, Double> sizes() throws IOException {
        List<Frame> mix = BenchEvents.mix(VISITS);
        long portal = 0;
        long json = 0;
        long cbor = 0;
        for (Frame f : mix) {
            portal += FrameCodec.encode(f).length;
            json += JSON.writeValueAsBytes(JacksonEvents.of(f)).length;
            cbor += CBOR.writeValueAsBytes(JacksonEvents.of(f)).length;
        }
        double n = mix.size();
        return Map.of("portalBinary", portal / n, "jacksonJson", json / n, "jacksonCbor", cbor / n);
    }

    /** A benchmark of codecs that lose data would be worthless: check every format gives the event back. */
    private static void checkRoundTrips() throws IOException {
        for (Frame f : BenchEvents.mix(VISITS)) {
            try {
                if (!FrameCodec.decode(FrameCodec.encode(f)).equals(f)) {
                    throw new IllegalStateException("portal round trip changed " + f);
                }
            } catch (FrameException e) {
                throw new IllegalStateException(e);
            }
            JacksonEvents.Event e = JacksonEvents.of(f);
            for (ObjectMapper m : List.of(JSON, CBOR)) {
                if (!m.readValue(m.writeValueAsBytes(e), JacksonEvents.Event.class).equals(e)) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "Jackson round trip changed %s", e));
                }
            }
        }
    }
}
