package dev.portal.device.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * mosquitto_sub as an independent MQTT client: a persistent QoS 1 session, so what is published while it is
 * cut off (broker restart) reaches it afterwards. Each message arrives as (topic, payload bytes).
 */
public final class MosquittoSub implements AutoCloseable {
    public record Message(String topic, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Process process;
    private final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();

    public MosquittoSub(MosquittoBroker broker, String clientId, String... topics) throws IOException {
        String exe = "/usr/bin/mosquitto_sub";
        if (!Files.isExecutable(Path.of(exe))) {
            throw new AssertionError("mosquitto_sub is not installed (apt-get install mosquitto-clients)");
        }
        List<String> cmd = new ArrayList<>(List.of(exe, "-h", "127.0.0.1", "-p", String.valueOf(broker.port()),
                "-q", "1", "-c", "-i", clientId, "-F", "%t %x"));
        for (String t : topics) {
            cmd.add("-t");
            cmd.add(t);
        }
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    int sp = line.indexOf(' ');
                    String hex = sp < 0 ? "" : line.substring(sp + 1);
                    queue.add(new Message(sp < 0 ? line : line.substring(0, sp), HexFormat.of().parseHex(hex)));
                }
            } catch (IOException | IllegalArgumentException e) {
                // process ended
            }
        }, "mosquitto_sub-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public Message poll(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Collects messages until {@code count} arrived or the timeout passed. */
    public List<Message> take(int count, long timeoutMillis) throws InterruptedException {
        List<Message> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (out.size() < count) {
            long left = deadline - System.currentTimeMillis();
            Message m = left > 0 ? queue.poll(left, TimeUnit.MILLISECONDS) : null;
            if (m == null) {
                break;
            }
            out.add(m);
        }
        return out;
    }

    public List<Message> drainFor(long millis) throws InterruptedException {
        return take(Integer.MAX_VALUE, millis);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
