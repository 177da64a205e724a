package dev.portal.bridge.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** mosquitto_sub as an independent client: each received message is one "topic payload" line. */
public final class MosquittoSub implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private MosquittoSub(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "mosquitto_sub-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Subscribes (verbose, so lines are "topic payload"); returns once subscribed. */
    public static MosquittoSub start(Mosquitto broker, String filter) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Mosquitto.tool("mosquitto_sub"), "-h", "127.0.0.1",
                "-p", String.valueOf(broker.port()), "-v", "-q", "1", "-t", filter, "-i",
                "test-sub-" + System.nanoTime()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(300); // mosquitto_sub prints nothing when subscribed; give it time to get there
        return new MosquittoSub(process);
    }

    /** The next line whose text contains {@code needle}, or an AssertionError after {@code timeout}. */
    public String await(String needle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (line.contains(needle)) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("no line containing '" + needle + "' within " + timeout + "; saw " + seen);
    }

    /** Publishes {@code payload} with mosquitto_pub -f (bytes as they are). */
    public static void publish(Mosquitto broker, String topic, byte[] payload, boolean retained)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("payload", ".bin");
        try {
            Files.write(file, payload);
            List<String> command = new ArrayList<>(List.of(Mosquitto.tool("mosquitto_pub"), "-h", "127.0.0.1",
                    "-p", String.valueOf(broker.port()), "-q", "1", "-t", topic, "-f", file.toString()));
            if (retained) {
                command.add("-r");
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("mosquitto_pub failed: " + output);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
