package dev.portal.bench.fleet;

import dev.portal.system.process.ChildProcess;
import dev.portal.system.process.JavaCommand;

import java.io.IOException;
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
        ChildProcess process = ChildProcess.start(name, JavaCommand.of(mainClass, options, args), log);
        process.awaitReady(readyLine, READY_TIMEOUT);
        return process;
    }
}
