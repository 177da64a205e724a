package dev.portal.device.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                throw new IOException("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }
}
