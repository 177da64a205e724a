package dev.portal.hardware.sim.pn532;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat ({@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B}): what
 * one end writes the other reads, like a null-modem cable. The links give the ends stable names. Closing kills
 * socat (by its process id) and both ends vanish; so does a kill -9 of the JVM that started it (the
 * parent-death signal, set by util-linux's setpriv where it is installed). That signal comes when the thread that
 * started socat ends: start it from a thread that lives as long as the pair is wanted.
 */
public final class SocatPtyPair implements AutoCloseable {
    /** util-linux's setpriv, which sets the parent-death signal before it runs socat (on every Debian). */
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private final Process process;
    private final Path modelEnd;
    private final Path clientEnd;

    private SocatPtyPair(Process process, Path modelEnd, Path clientEnd) {
        this.process = process;
        this.modelEnd = modelEnd;
        this.clientEnd = clientEnd;
    }

    /** Starts socat and waits until both links exist; fails if socat is missing or does not come up. */
    public static SocatPtyPair start(Path modelEnd, Path clientEnd, Path log, Duration timeout) throws IOException {
        for (Path end : List.of(modelEnd, clientEnd)) {
            // a stale link from an earlier run may go; anything else at that path is not ours to replace
            if (Files.isSymbolicLink(end)) {
                Files.delete(end);
            } else if (Files.exists(end)) {
                throw new IOException(end + " exists and is not a link from an earlier run; choose another path");
            }
        }
        List<String> socat = List.of("socat", "-d", "-d", "pty,raw,echo=0,link=" + modelEnd,
                "pty,raw,echo=0,link=" + clientEnd);
        List<String> command = new ArrayList<>(socat);
        if (Files.isExecutable(SETPRIV)) {
            // socat would outlive a JVM killed with kill -9 (a chaos run does that to simulated portals): the
            // kernel kills it with its parent instead, so no orphan holds the ptys
            command.addAll(0, List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run socat (install the Debian package 'socat'): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(Files.exists(modelEnd) && Files.exists(clientEnd))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("socat did not create " + modelEnd + " and " + clientEnd + " (see " + log + ")");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting socat", e);
            }
        }
        return new SocatPtyPair(process, modelEnd, clientEnd);
    }

    public Path modelEnd() {
        return modelEnd;
    }

    public Path clientEnd() {
        return clientEnd;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
