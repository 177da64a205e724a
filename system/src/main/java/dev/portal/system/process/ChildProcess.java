package dev.portal.system.process;

import dev.portal.testsupport.Await;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child process with its output appended to a log file. Stopped by its own pid only: SIGTERM with a
 * deadline then SIGKILL ({@link #stop}), or SIGKILL at once ({@link #kill}, the "kill -9" of the chaos run).
 */
public final class ChildProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private final String name;
    private final Process process;
    /** Where its output goes, and how long that file was before it started (a restart appends to it). */
    private final Path log;
    private final long logStart;

    private ChildProcess(String name, Process process, Path log, long logStart) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    public static ChildProcess start(String name, List<String> command, Path log) throws IOException {
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = builder.start();
        LOG.debug("started {} (pid {}): {}", name, p.pid(), command);
        return new ChildProcess(name, p, log, logStart);
    }

    /** For processes whose standard output the caller reads (it must also drain it). */
    public static ChildProcess startPiped(String name, List<String> command, Path errorLog) throws IOException {
        long logStart = Files.exists(errorLog) ? Files.size(errorLog) : 0;
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()));
        return new ChildProcess(name, builder.start(), errorLog, logStart);
    }

    /**
     * Returns once this start of the process has written {@code readyLine} to its log (what earlier starts wrote
     * there does not count). Fails, killing the process, if it exits first or takes longer than {@code timeout}.
     */
    public void awaitReady(String readyLine, Duration timeout) throws IOException {
        try {
            Await.until(() -> name + " to log '" + readyLine + "' in " + log, () -> {
                if (!process.isAlive()) {
                    throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
                }
                return logSinceStart().contains(readyLine);
            }, timeout);
        } catch (AssertionError e) {
            kill();
            throw new IOException(e.getMessage(), e);
        }
    }

    private String logSinceStart() throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.min(logStart, file.length());
            byte[] text = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(text);
            return new String(text, StandardCharsets.UTF_8);
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits (bounded) until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        await(Duration.ofSeconds(10));
    }

    /** SIGTERM; SIGKILL if it has not ended within {@code grace}. Returns the exit code. */
    public int stop(Duration grace) {
        if (!process.isAlive()) {
            return process.exitValue();
        }
        process.destroy();
        if (!await(grace)) {
            LOG.warn("{} (pid {}) ignored SIGTERM for {}; killing it", name, process.pid(), grace);
            process.destroyForcibly();
            await(Duration.ofSeconds(10));
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    private boolean await(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
