package dev.portal.device.app;

import dev.portal.device.DeviceMain;
import dev.portal.device.firmware.SlotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The launcher's first step ({@code DeviceMain --boot-jar}, as scripts/portal-device and the unit's launcher run
 * it): it finds the firmware folder from the service's own arguments and config and prints the jar to start.
 */
class BootJarTest {
    @TempDir
    Path dir;

    private record Run(String out, String err) {
    }

    private Run bootJar(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DeviceMain.class.getName(), "--boot-jar"));
        cmd.addAll(List.of(args));
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "the launcher step never stops the start");
        return new Run(out, Files.readString(err));
    }

    private static Path installed(Path firmwareDir) throws Exception {
        SlotStore slots = new SlotStore(firmwareDir);
        slots.install("a", Files.write(firmwareDir.resolve("image.jar"), new byte[] {1, 2, 3}), "2.0.0");
        slots.markHealthy("a");
        slots.switchTo("a");
        return firmwareDir.resolve("slots/a/portal-device.jar").toAbsolutePath();
    }

    @Test
    void namesTheInstalledUpdateFromTheConfigsDataDirectory() throws Exception {
        Files.writeString(dir.resolve("portal.json"), """
                {"deviceId": "p1", "dataDirectory": "data", "pads": [{"chipSelect": 0}]}""");
        assertEquals("", bootJar("--config", dir.resolve("portal.json").toString()).out(), "factory jar: nothing");
        Path jar = installed(dir.resolve("data/firmware"));
        assertEquals(jar.toString(), bootJar("--config", dir.resolve("portal.json").toString()).out());
    }

    @Test
    void inSimulationTheDataOptionDecides() throws Exception {
        Path jar = installed(dir.resolve("sim/firmware"));
        assertEquals(jar.toString(), bootJar("--simulate", "--data", dir.resolve("sim").toString()).out());
    }

    @Test
    void aConfigItCannotReadLetsTheInstalledJarStartAndSayWhy() throws Exception {
        Files.writeString(dir.resolve("portal.json"), "{\"pads\": 3}");
        Run r = bootJar("--config", dir.resolve("portal.json").toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("starting the installed jar"), r.err());
    }
}
