package dev.portal.device.serial;

import dev.portal.testsupport.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Two connected pseudo-terminals made by socat: a serial cable in a test. FAILS when socat is missing. */
final class SocatPtyPair implements AutoCloseable {
    final Path a;
    final Path b;
    private final Process socat;

    SocatPtyPair(Path dir) throws IOException, InterruptedException {
        String exe = null;
        for (String p : new String[] {"/usr/bin/socat", "/usr/local/bin/socat", "/bin/socat"}) {
            if (Files.isExecutable(Path.of(p))) {
                exe = p;
            }
        }
        if (exe == null) {
            throw new AssertionError("socat is not installed (apt-get install socat): the serial tests need a pty pair");
        }
        a = dir.resolve("ttyA");
        b = dir.resolve("ttyB");
        socat = new ProcessBuilder(exe, "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        Await.until("socat to create the pty pair (its log: " + dir.resolve("socat.log") + ")", () -> {
            if (!socat.isAlive()) {
                throw new IOException("socat exited: " + Files.readString(dir.resolve("socat.log")));
            }
            return Files.exists(a) && Files.exists(b);
        }, Duration.ofSeconds(10));
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }
}
