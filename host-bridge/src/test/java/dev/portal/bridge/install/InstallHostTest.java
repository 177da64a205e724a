package dev.portal.bridge.install;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scripts/install-host is not run for real here; its dry run shows, and is checked for, everything it would do. */
class InstallHostTest {
    private static Path script() {
        Path p = Path.of("..", "scripts", "install-host").toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(p), "scripts/install-host missing or not executable at " + p);
        return p;
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(script().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private record Result(int exit, String out) {
    }

    private static void mentions(String out, String... expected) {
        for (String e : expected) {
            assertTrue(out.contains(e), "the dry run does not mention '" + e + "':\n" + out);
        }
    }

    @Test
    void dryRunShowsTheBridgeServiceAndChangesNothing() throws Exception {
        Result r = run("--dry-run", "--build", "/nonexistent");
        assertEquals(0, r.exit(), r.out());
        mentions(r.out(), "dry run: nothing will be changed", "useradd --system", "portal-bridge",
                "install -d -m 0750 -o portal-bridge -g portal-bridge /var/lib/portal-bridge", "/opt/portal-bridge/bridge",
                "dev.portal.bridge.app.BridgeMain", "EnvironmentFile=/etc/portal/bridge.env",
                "ExecStart=/opt/portal-bridge/bridge $BRIDGE_ARGS", "Restart=on-failure", "--metrics-port 9480",
                "--metrics-address 127.0.0.1", "--data-dir /var/lib/portal-bridge", "--log-format text",
                "--client-id portal-bridge-", "systemctl enable portal-bridge", "ReadWritePaths=/var/lib/portal-bridge",
                "http://127.0.0.1:9480/metrics");
        assertFalse(r.out().contains("/etc/mosquitto") || r.out().contains("install -y -qq mosquitto"),
                "no broker unless asked:\n" + r.out());
        assertFalse(r.out().contains("--homeassistant"), r.out());
        assertFalse(Files.exists(Path.of("/etc/systemd/system/portal-bridge.service")), "nothing installed");
    }

    @Test
    void withMosquittoItInstallsTheShippedConfigAclAndTheBridgesLogin() throws Exception {
        Result r = run("--dry-run", "--build", "/nonexistent", "--with-mosquitto", "--metrics-port", "9999",
                "--log-format", "json", "--homeassistant");
        assertEquals(0, r.exit(), r.out());
        mentions(r.out(), "/etc/mosquitto/conf.d/portal.conf", "/etc/mosquitto/portal/acl", "set_tcp_nodelay true",
                "topic write homeassistant/#", "user home-assistant",
                "add-device /etc/mosquitto/portal/passwd portal-bridge --password-out /etc/portal/bridge.password",
                "systemctl enable mosquitto", "--metrics-port 9999", "--log-format json", "--homeassistant",
                "After=network-online.target mosquitto.service");
        assertFalse(r.out().contains("    persistence_location"),
                "Debian's own mosquitto.conf names the persistence folder; a second one stops Mosquitto:\n" + r.out());
    }

    @Test
    void badOptionsAreRefused() throws Exception {
        assertEquals(2, run("--dry-run", "--metrics-port", "http").exit());
        assertEquals(2, run("--dry-run", "--log-format", "xml").exit());
        assertEquals(2, run("--frobnicate").exit());
    }
}
