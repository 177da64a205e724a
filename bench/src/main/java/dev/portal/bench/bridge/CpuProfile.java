package dev.portal.bench.bridge;

import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where this JVM's CPU goes while the bridge runs, from JDK Flight Recorder: samples are taken over the windows
 * between {@link #start} and {@link #stop} and added up, so the table covers every bridged run and nothing else.
 * On JDK 25 and later the sampler is CPU time (jdk.CPUTimeSample: one sample per millisecond of a thread's CPU,
 * native code such as SQLite included); before that it is jdk.ExecutionSample (Java code only, at most a few
 * threads per period), and the section says which.
 */
final class CpuProfile {
    static final String WORKER = "bridge-worker";
    private static final String CPU_TIME = "jdk.CPUTimeSample";
    private static final String EXECUTION = "jdk.ExecutionSample";
    private static final Duration PERIOD = Duration.ofMillis(1);
    private static final int TOP = 10;
    /** A bridge method on (nearly) every worker sample is the worker's loop, not a cost of its own. */
    private static final double WRAPPER_SHARE = 0.9;

    private final String event = eventName();
    private final Path dir;
    private final Map<String, Integer> threads = new HashMap<>();
    private final Map<String, Integer> leaves = new HashMap<>();
    private final Map<String, Integer> workerLeaves = new HashMap<>();
    private final Map<String, Integer> workerBridgeMethods = new HashMap<>();
    private int samples;
    private int workerSamples;
    private Recording recording;

    CpuProfile(Path dir) {
        this.dir = dir;
    }

    private static String eventName() {
        return FlightRecorder.getFlightRecorder().getEventTypes().stream().map(EventType::getName)
                .anyMatch(CPU_TIME::equals) ? CPU_TIME : EXECUTION;
    }

    void start() {
        recording = new Recording();
        recording.setName("bridge-bench");
        if (event.equals(CPU_TIME)) {
            recording.enable(event).with("throttle", PERIOD.toMillis() + "ms").withStackTrace();
        } else {
            recording.enable(event).withPeriod(PERIOD).withStackTrace();
        }
        recording.start();
    }

    /** Ends the window and adds its samples to the totals. */
    void stop() throws IOException {
        Path file = Files.createTempFile(dir, "bridge-profile", ".jfr");
        try (Recording done = recording) {
            done.stop();
            done.dump(file);
        }
        for (RecordedEvent sample : RecordingFile.readAllEvents(file)) {
            if (sample.getEventType().getName().equals(event) && sample.getStackTrace() != null) {
                add(sample);
            }
        }
        Files.delete(file);
    }

    private void add(RecordedEvent sample) {
        RecordedThread thread = sample.getThread(event.equals(CPU_TIME) ? "eventThread" : "sampledThread");
        String threadName = thread == null || thread.getJavaName() == null ? "(not a Java thread)" : thread.getJavaName();
        List<RecordedFrame> frames = sample.getStackTrace().getFrames();
        if (frames.isEmpty()) {
            return;
        }
        samples++;
        threads.merge(threadGroup(threadName), 1, Integer::sum);
        String leaf = name(frames.getFirst());
        leaves.merge(leaf, 1, Integer::sum);
        if (threadName.equals(WORKER)) {
            workerSamples++;
            workerLeaves.merge(leaf, 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame);
                if (frame.getMethod().getType().getName().startsWith("dev.portal.bridge.")
                        && !method.contains("$$Lambda") && seen.add(method)) {
                    workerBridgeMethods.merge(method, 1, Integer::sum);
                }
            }
        }
    }

    /** Threads by what they do; numbered pool threads are added up. */
    private static String threadGroup(String name) {
        if (name.startsWith("com.hivemq.client.mqtt-")) {
            return "MQTT client I/O (every client's Netty threads)";
        }
        if (name.startsWith("link-in-bench-bridge-")) {
            return "the bridge's MQTT delivery thread";
        }
        if (name.startsWith("link-in-")) {
            return "bench clients' MQTT delivery threads";
        }
        if (name.startsWith("RxComputationThreadPool")) {
            return "MQTT client flow control (RxJava)";
        }
        if (name.equals("main")) {
            return "the bench's portals publishing (main)";
        }
        return name.replaceAll("-?\\d+$", "");
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        String type = method.getType().getName();
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + method.getName();
    }

    /** The Markdown tables: threads, hottest frames, and the bridge worker's own breakdown. */
    void appendTo(StringBuilder md) {
        md.append("\n### Profile: where this JVM's CPU goes during the bridge runs\n\n");
        md.append(event.equals(CPU_TIME)
                ? "JFR `jdk.CPUTimeSample` (one sample per " + PERIOD.toMillis() + " ms of a thread's CPU time, Java and "
                + "native code alike)"
                : "JFR `jdk.ExecutionSample` every " + PERIOD.toMillis() + " ms (Java code only; this JDK has no "
                + "CPU-time sampler)");
        md.append(" over three more bridge runs like those above (1, 4 and 16 portals; not the measured runs, "
                + "which the sampler would slow): ").append(String.format("%,d", samples))
                .append(" samples of the whole JVM (every client, the bridge, JIT and GC threads); Mosquitto's "
                        + "CPU is not in them. Frames are class.method with the last package only.\n\n");
        md.append("| thread | share |\n|---|---|\n");
        top(threads, TOP).forEach(e -> md.append(String.format("| %s | %s |%n", e.getKey(), pct(e.getValue(), samples))));
        md.append("\nHottest frames, self time (the method on top of the stack), whole JVM:\n\n");
        table(md, leaves, samples);
        md.append("\nThe bridge worker (").append(pct(workerSamples, samples)).append(" of the JVM's samples), ")
                .append("self time:\n\n");
        table(md, workerLeaves, workerSamples);
        md.append("\nThe bridge worker's samples by the bridge's own methods they pass through (inclusive; those on ")
                .append("more than ").append(Math.round(WRAPPER_SHARE * 100)).append(" % of them, the worker's loop, ")
                .append("left out):\n\n");
        Map<String, Integer> costs = new HashMap<>(workerBridgeMethods);
        costs.values().removeIf(count -> count > WRAPPER_SHARE * workerSamples);
        table(md, costs, workerSamples);
    }

    private static void table(StringBuilder md, Map<String, Integer> counts, int total) {
        md.append("| share | frame |\n|---|---|\n");
        top(counts, TOP).forEach(e -> md.append(String.format("| %s | `%s` |%n", pct(e.getValue(), total), e.getKey())));
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).toList();
    }

    private static String pct(int count, int total) {
        return total == 0 ? "-" : String.format("%.1f %%", 100.0 * count / total);
    }
}
