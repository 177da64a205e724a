package dev.portal.bench.fleet;

import dev.portal.system.process.ChildProcess;
import dev.portal.system.process.JavaCommand;
import dev.portal.testsupport.Await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A JVM of the benchmark's class path in a process of its own, so its CPU and memory are its own figures. */
final class ChildJvm {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private ChildJvm() {
    }

    /**
     * Starts {@code mainClass} with its output in {@code log} and returns once the log shows {@code readyLine}
     * (the process is stopped and this fails if it exits or takes longer than 90 s).
     */
    static ChildProcess start(String name, String mainClass, List<String> jvmOptions, List<String> args, Path log,
                              String readyLine) throws IOException {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dlogback.configurationFile=portal-logback.xml");
        // HiveMQ's Guava touches sun.misc.Unsafe: allowed, as scripts/bridge allows it, without a warning per start.
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        ChildProcess process = ChildProcess.start(name, JavaCommand.of(mainClass, options, args), log);
        try {
            Await.until(() -> name + " to log '" + readyLine + "' in " + log, () -> {
                if (!process.isAlive()) {
                    throw new IOException(name + " exited with " + process.process().exitValue() + "; see " + log);
                }
                return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(readyLine);
            }, READY_TIMEOUT);
            return process;
        } catch (AssertionError e) {
            process.kill();
            throw new IOException(e.getMessage(), e);
        }
    }
}
