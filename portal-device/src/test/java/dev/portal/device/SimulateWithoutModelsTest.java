package dev.portal.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service jar on a portal has no chip models; --simulate run from it alone must say what to do rather than
 * end in a NoClassDefFoundError. A child JVM gets this module's class path less hardware-sim.
 */
class SimulateWithoutModelsTest {
    @TempDir
    Path dir;

    @Test
    void simulateWithoutHardwareSimSaysHowToStartTheSimulator() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("hardware-sim"))
                .collect(Collectors.joining(File.pathSeparator));
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, DeviceMain.class.getName(), "--simulate", "--data", dir.resolve("sim").toString()))
                .redirectError(err.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String stderr = Files.readString(err, StandardCharsets.UTF_8);

        assertEquals(2, p.exitValue(), stderr);
        assertTrue(stderr.contains("--simulate needs the chip models (hardware-sim)"), stderr);
        assertTrue(stderr.contains("scripts/portal-device --simulate"), stderr);
        assertFalse(stderr.contains("NoClassDefFoundError"), stderr);
        assertFalse(Files.exists(dir.resolve("sim")), "nothing is set up for a simulation that cannot run");
    }
}
