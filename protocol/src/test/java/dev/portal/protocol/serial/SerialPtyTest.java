package dev.portal.protocol.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameArbitraries;
import dev.portal.protocol.frame.FrameException;
import dev.portal.testsupport.Await;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames over a real tty: socat links two raw ptys, as a USB serial cable links a laptop and a portal. Line
 * noise written between frames must cost nothing but the noise. Needs socat (scripts/test installs it).
 */
class SerialPtyTest {

    @Test
    void framesCrossARawPtyPairThroughLineNoise(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("portal");
        Path b = dir.resolve("laptop");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Await.until("socat to create its ptys", () -> {
                assertTrue(socat.isAlive(), "socat exited: " + Files.readString(dir.resolve("socat.log")));
                return Files.exists(a) && Files.exists(b);
            }, Duration.ofSeconds(10));
            List<Frame> sent = FrameArbitraries.samples();
            List<FrameException> rejected = new CopyOnWriteArrayList<>();
            try (FileInputStream in = new FileInputStream(b.toFile()); FileOutputStream out = new FileOutputStream(a.toFile())) {
                Future<List<Frame>> received = reader.submit(() -> {
                    SerialFrameReader frames = new SerialFrameReader(in, rejected::add);
                    List<Frame> got = new ArrayList<>();
                    while (got.size() < sent.size()) {
                        Optional<Frame> f = frames.read();
                        if (f.isEmpty()) {
                            break;
                        }
                        got.add(f.get());
                    }
                    return got;
                });
                SerialFrameWriter writer = new SerialFrameWriter(out);
                byte[] noise = {0x13, 0x37, 0x00, (byte) 0xFF, 0x42, 0x10, 0x01};
                for (Frame f : sent) {
                    out.write(noise);
                    writer.write(f);
                }
                assertEquals(sent, received.get(20, TimeUnit.SECONDS));
                assertTrue(rejected.size() >= sent.size(), "noise runs were rejected, not taken for frames: " + rejected.size());
            }
        } finally {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
            reader.shutdownNow();
        }
    }
}
