package dev.portal.device.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** scripts/install-pi cannot run here; its dry run shows, and is checked for, everything it would do. */
class InstallPiTest {
    private static Path script() {
        Path p = Path.of("..", "scripts", "install-pi").toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(p), "scripts/install-pi missing or not executable at " + p);
        return p;
    }

    private static String run(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = script().toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void dryRunShowsEveryStepAndChangesNothing() throws Exception {
        String out = run("--dry-run", "--jar", "/nonexistent/portal-device.jar");
        for (String expected : new String[] {"dry run: nothing will be changed", "useradd --system",
                "usermod -aG gpio portal", "usermod -aG spi portal", "usermod -aG i2c portal",
                "/var/lib/portal/outbox", "/opt/portal/portal-device.jar", "Restart=on-failure", "WatchdogSec=",
                "Type=notify", "NotifyAccess=all", "systemctl enable portal-device", "RestartForceExitStatus=75",
                "SuccessExitStatus=75", "ExecStart=/opt/portal/portal-device --config", "--boot-jar",
                "/var/lib/portal/firmware", "\"dataDirectory\": \"/var/lib/portal\""}) {
            assertTrue(out.contains(expected), "dry run does not mention '" + expected + "':\n" + out);
        }
        assertFalse(out.contains("fleetKeyFile") || out.contains("fleet.key"), "a portal holds no toy key:\n" + out);
        assertTrue(out.contains("raspi-config nonint do_spi 0") || out.contains("dtparam=spi=on"), out);
        assertTrue(out.contains("raspi-config nonint do_i2c 0") || out.contains("dtparam=i2c_arm=on"), out);
        assertFalse(Files.exists(Path.of("/etc/systemd/system/portal-device.service")), "nothing installed");
    }

    @Test
    void refusesToInstallOffAPi() throws Exception {
        Path model = Path.of("/proc/device-tree/model");
        assertFalse(Files.exists(model) && Files.readString(model).contains("Raspberry Pi"),
                "the tests must not run on a Pi: this one would install the service for real");
        Process p = new ProcessBuilder(script().toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("not a Raspberry Pi"), out);
    }

    @Test
    void unknownArgumentsAreRefused() throws Exception {
        Process p = new ProcessBuilder(script().toString(), "--frobnicate").redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
    }
}
