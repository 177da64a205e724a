package dev.portal.device.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.DeviceMain;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.outbox.OutboxRecord;
import dev.portal.device.outbox.OutboxSettings;
import dev.portal.device.testing.FrameStream;
import dev.portal.device.testing.TestConfigs;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.MosquittoSub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The service as a child JVM, killed with SIGKILL while the broker is down and frames wait in its outbox; a
 * second run of the service delivers them. Nothing is lost, duplicates share (boot, seq).
 */
class CrashRecoveryTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);

    @TempDir
    Path dir;

    private Process launch(Path config, Path script, String log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                DeviceMain.class.getName(), "--simulate", "--config", config.toString(), "--script", script.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    @Test
    void killMinus9WhileTheBrokerIsDownLosesNothing() throws Exception {
        ObjectNode tree = TestConfigs.tree("crash", MOSQUITTO.broker(), dir, 2);
        Path config = dir.resolve("portal.json");
        Files.writeString(config, new ObjectMapper().writeValueAsString(tree));
        StringBuilder play = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            play.append("place 0 dragon\nsleep 40\nplace 1 robot\nsleep 40\nremove dragon\nsleep 200\n")
                    .append("remove robot\nsleep 200\n");
        }
        Path busy = Files.writeString(dir.resolve("busy.txt"), play.toString());
        Path idle = Files.writeString(dir.resolve("idle.txt"), "sleep 4000\n");

        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "crash-watch", "portal/crash/evt")) {
            FrameStream stream = new FrameStream(sub);
            Process first = launch(config, busy, "first.log");
            stream.await(m -> m instanceof dev.portal.protocol.frame.TagRemoved, 15_000);
            MOSQUITTO.broker().stop();
            // A sleep on purpose: the toys keep coming, the outbox fills, and the kill below lands at no chosen moment.
            Thread.sleep(1500 + (long) (Math.random() * 1000));
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no final fsync
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            assertEquals(137, first.exitValue(), "killed by SIGKILL");

            Map<Long, TreeSet<Long>> waiting = outboxContents(dir.resolve("outbox"));
            assertFalse(waiting.isEmpty(), "frames were waiting in the outbox when the process died");

            MOSQUITTO.broker().start();
            Process second = launch(config, idle, "second.log");
            long firstBoot = stream.frames().get(0).header().bootId();
            stream.await("the " + waiting.values().stream().mapToInt(TreeSet::size).sum() + " frames the outbox held",
                    s -> allReceived(s, waiting), Duration.ofSeconds(20));
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "second run finishes its script");
            // The stream reads the broker only while awaiting: the second boot's Birth, published after the first
            // boot's frames, may still be unread.
            stream.await("the second boot's Birth", s -> s.frames().stream().anyMatch(f ->
                    f.header().bootId() != firstBoot && f.message() instanceof Birth), Duration.ofSeconds(20));

            Map<Long, TreeSet<Long>> received = bySeq(stream.frames());
            TreeSet<Long> firstSeqs = received.get(firstBoot);
            assertEquals(0L, firstSeqs.first());
            assertEquals(firstSeqs.size() - 1, firstSeqs.last(), "first boot: every sequence number, no gap: "
                    + firstSeqs.size() + " frames up to " + firstSeqs.last());
            assertTrue(firstSeqs.containsAll(waiting.get(firstBoot)), "everything the outbox held was delivered");
            assertEquals(2, received.size(), "two boots seen");
            long secondBoot = received.keySet().stream().filter(b -> b != firstBoot).findFirst().orElseThrow();
            assertNotEquals(firstBoot, secondBoot, "a new boot id after the restart");
            assertTrue(stream.frames().stream().anyMatch(f -> f.header().bootId() == secondBoot
                    && f.message() instanceof Birth), "the second boot announced itself");
            int lastFirstBoot = -1;
            int firstSecondBoot = Integer.MAX_VALUE;
            List<Frame> frames = stream.frames();
            for (int i = 0; i < frames.size(); i++) {
                if (frames.get(i).header().bootId() == firstBoot) {
                    lastFirstBoot = i;
                } else {
                    firstSecondBoot = Math.min(firstSecondBoot, i);
                }
            }
            assertTrue(lastFirstBoot < firstSecondBoot, "the old boot's frames go out before the new boot's");
        }
    }

    private static boolean allReceived(FrameStream stream, Map<Long, TreeSet<Long>> waiting) {
        Map<Long, TreeSet<Long>> got = bySeq(stream.frames());
        return waiting.entrySet().stream().allMatch(e -> got.containsKey(e.getKey())
                && got.get(e.getKey()).containsAll(e.getValue()));
    }

    private static Map<Long, TreeSet<Long>> bySeq(List<Frame> frames) {
        Map<Long, TreeSet<Long>> out = new TreeMap<>();
        for (Frame f : frames) {
            out.computeIfAbsent(f.header().bootId(), b -> new TreeSet<>()).add(f.header().sequence());
        }
        return out;
    }

    /** What the dead process left in its outbox, read with the outbox's own recovery (a copy, not the original). */
    private Map<Long, TreeSet<Long>> outboxContents(Path outbox) throws Exception {
        Path copy = dir.resolve("outbox-copy");
        Files.createDirectories(copy);
        try (var files = Files.list(outbox)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        List<Frame> frames = new ArrayList<>();
        try (Outbox box = Outbox.open(OutboxSettings.defaults(copy))) {
            box.awaitDurable(box.nextIndex() - 1, 2000);
            long next = 0;
            for (List<OutboxRecord> batch; !(batch = box.readDurable(next, 100)).isEmpty(); ) {
                for (OutboxRecord r : batch) {
                    frames.add(FrameCodec.decode(r.payload()));
                    next = r.index() + 1;
                }
            }
        }
        return bySeq(frames);
    }
}
