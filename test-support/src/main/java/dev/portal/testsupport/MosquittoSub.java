package dev.portal.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * mosquitto_sub at QoS 1, a client apart from the code under test. The factories return once the subscription
 * is in place (a probe message has come back), so nothing published afterwards is missed. The probe needs a
 * broker that lets anonymous clients publish.
 */
public final class MosquittoSub implements AutoCloseable {
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);

    /** One message as received. */
    public record Message(String topic, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return topic + " " + text();
        }
    }

    private final Process process;
    private final String probeTopic;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final CountDownLatch subscribed = new CountDownLatch(1);

    private MosquittoSub(Process process, String probeTopic) {
        this.process = process;
        this.probeTopic = probeTopic;
        Thread reader = new Thread(this::read, "mosquitto_sub-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** A clean session under a client id of its own. */
    public static MosquittoSub subscribe(Mosquitto broker, String... filters) throws IOException, InterruptedException {
        return start(broker, "testsupport-sub-" + System.nanoTime(), false, filters);
    }

    /**
     * A persistent session under {@code clientId}: what is published while the subscriber is cut off (a broker
     * restart) still reaches it afterwards.
     */
    public static MosquittoSub persistentSession(Mosquitto broker, String clientId, String... filters)
            throws IOException, InterruptedException {
        return start(broker, clientId, true, filters);
    }

    private static MosquittoSub start(Mosquitto broker, String clientId, boolean persistent, String... filters)
            throws IOException, InterruptedException {
        // '#' and '+' never match a topic that starts with '$': other subscribers of the test do not see the probe.
        String probeTopic = "$testsupport/subscribed/" + clientId;
        List<String> command = new ArrayList<>(List.of(Mosquitto.tool("mosquitto_sub"), "-h", "127.0.0.1",
                "-p", String.valueOf(broker.port()), "-q", "1", "-i", clientId, "-F", "%t %x", "-t", probeTopic));
        if (persistent) {
            command.add("-c");
        }
        for (String filter : filters) {
            command.add("-t");
            command.add(filter);
        }
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(broker.dir().resolve("mosquitto_sub.err").toFile()))
                .start();
        MosquittoSub sub = new MosquittoSub(process, probeTopic);
        try {
            sub.awaitSubscribed(broker);
        } catch (IOException | InterruptedException | RuntimeException e) {
            sub.close();
            throw e;
        }
        return sub;
    }

    private void awaitSubscribed(Mosquitto broker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SUBSCRIBE_TIMEOUT.toNanos();
        do {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto_sub exited with " + process.exitValue() + "; see "
                        + broker.dir().resolve("mosquitto_sub.err"));
            }
            broker.publish(probeTopic, new byte[] {1}, false);
            if (subscribed.await(PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("mosquitto_sub did not subscribe within " + SUBSCRIBE_TIMEOUT);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                int space = line.lastIndexOf(' '); // hex has no spaces; a topic may
                String topic = line.substring(0, Math.max(space, 0));
                if (topic.equals(probeTopic)) {
                    subscribed.countDown();
                } else {
                    messages.add(new Message(topic, HexFormat.of().parseHex(line.substring(space + 1))));
                }
            }
        } catch (IOException | IllegalArgumentException ended) {
            // the process ended, or printed something other than a message
        }
    }

    /** The next message, or null after {@code timeout}. */
    public Message poll(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Up to {@code count} messages, as many as arrive within {@code timeout}. */
    public List<Message> take(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Message> taken = new ArrayList<>();
        while (taken.size() < count) {
            Message next = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            taken.add(next);
        }
        return taken;
    }

    /** The next message that {@code matches}, passing over others; an AssertionError after {@code timeout}. */
    public Message await(Predicate<Message> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Message> passed = new ArrayList<>();
        Message next;
        while ((next = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (matches.test(next)) {
                return next;
            }
            passed.add(next);
        }
        throw new AssertionError("no matching message within " + timeout + "; passed over " + passed);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
