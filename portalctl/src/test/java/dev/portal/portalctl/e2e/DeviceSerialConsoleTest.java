package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.device.sim.SimConsole;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MosquittoExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * portalctl serial PORT ... against the real device service whose config names the other end of a socat pty
 * pair as serial.port and trusts a technician key: commands reach the service's command dispatcher once a token
 * opened the cable, and every frame it emits is copied to the cable. FAILS when socat is missing.
 */
class DeviceSerialConsoleTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();
    static final String KEY = "5e1f00d5".repeat(8);

    @TempDir
    Path dir;
    Process socat;
    Path technicianEnd;
    Path technicianKey;
    RealDevice device;

    @BeforeEach
    void cable() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/socat"))) {
            throw new AssertionError("socat is not installed (apt-get install socat): the serial tests need a pty pair");
        }
        Path portalEnd = dir.resolve("ttyPortal");
        technicianEnd = dir.resolve("ttyTech");
        socat = new ProcessBuilder("/usr/bin/socat", "-d", "-d", "pty,raw,echo=0,link=" + portalEnd,
                "pty,raw,echo=0,link=" + technicianEnd)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        Await.until("socat to make the pty pair (its log: " + dir.resolve("socat.log") + ")",
                () -> Files.exists(portalEnd) && Files.exists(technicianEnd), Duration.ofSeconds(10));
        Cli.Run keygen = Cli.run("token", "keygen", "--out", dir.resolve("keys").toString());
        assertEquals(0, keygen.code(), keygen.toString());
        technicianKey = dir.resolve("keys/technician.key");
        device = new RealDevice(MOSQUITTO.uri(), "cellar-1", dir.resolve("portal"), root -> {
            root.putObject("serial").put("port", portalEnd.toString()).put("baud", 115200)
                    .put("technicianPublicKeyFile", dir.resolve("keys/technician.pub").toString());
        });
    }

    @AfterEach
    void unplug() throws InterruptedException {
        device.close();
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    /** A token file made as a technician would: 'portalctl token make'. */
    private String token(String deviceId) {
        Path file = dir.resolve("token-" + deviceId);
        Cli.Run make = Cli.run("token", "make", "--key", technicianKey.toString(), "--device", deviceId, "--valid", "10m",
                "--out", file.toString());
        assertEquals(0, make.code(), make.toString());
        return file.toString();
    }

    @Test
    void statusAndConfigGoThroughTheServiceOverTheCable() {
        String port = technicianEnd.toString();
        Cli.Run status = Cli.run("serial", port, "status", "--heartbeat-wait", "3s");
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().contains("Device        cellar-1"), status.toString());
        assertTrue(status.out().contains("Health        (live heartbeat)"), status.toString());

        Cli.Run set = Cli.run("serial", port, "--token", token("cellar-1"), "config", "set", "pollHz=25");
        assertEquals(0, set.code(), set.toString());
        assertTrue(set.out().contains("desired v1, reported v1  (in sync)"), set.toString());
        assertEquals(25, device.service.runtime().pollHz(), "the service applied what came over the cable");
        Cli.Run get = Cli.run("serial", port, "config", "get");
        assertTrue(get.out().contains("reported v1"), get.toString());
    }

    @Test
    void calibrateSweepsOverTheCable() throws Exception {
        new SimConsole(device.hw.portal(), new ToyCatalogue(FleetKey.fromHex(KEY)), device.service,
                new PrintStream(new ByteArrayOutputStream())).execute(new String[] {"place", "0", "dragon"});
        Await.until("the portal to see the reference toy", () -> device.service.slots().present() == 1, Duration.ofSeconds(10));
        Cli.Run cal = Cli.run("serial", technicianEnd.toString(), "--token", token("cellar-1"), "calibrate", "--pad", "0");
        assertEquals(0, cal.code(), cal.toString());
        assertTrue(cal.out().contains("gain    success"), cal.toString());
        assertTrue(cal.out().contains("<- applied"), cal.toString());
        assertTrue(cal.out().contains("portal reports pad 0: "), cal.toString());
        assertFalse(cal.out().contains("does NOT match"), cal.toString());
    }

    @Test
    void withoutAValidTokenTheCableOnlyReads() {
        String port = technicianEnd.toString();
        Cli.Run set = Cli.run("serial", port, "config", "set", "pollHz=25");
        assertEquals(1, set.code(), set.toString());
        assertTrue(set.out().contains("portal answered REJECTED: the cable is read-only without a technician token"),
                set.toString());
        Cli.Run calibrate = Cli.run("serial", port, "calibrate", "--pad", "0", "--gain", "38");
        assertEquals(1, calibrate.code(), calibrate.toString());
        assertTrue(calibrate.toString().contains("the cable is read-only without a technician token"), calibrate.toString());

        Cli.Run otherPortal = Cli.run("serial", port, "--token", token("cellar-2"), "config", "set", "pollHz=25");
        assertEquals(1, otherPortal.code(), otherPortal.toString());
        assertTrue(otherPortal.err().contains("the portal refused the technician token: token ")
                && otherPortal.err().contains(" is for cellar-2, not cellar-1"), otherPortal.toString());

        assertEquals(20, device.service.runtime().pollHz(), "nothing changed");
        assertEquals(0, device.service.runtime().version());
        assertNotEquals(38, device.service.presence().pollers().get(0).calibration().antennaGainDb(),
                "no calibration applied");
    }

    @Test
    void watchSeesTheToysThePortalReports() throws Exception {
        Path key = Files.writeString(dir.resolve("toy.key"), KEY + "\n");
        Cli.Running watch = Cli.start("serial", technicianEnd.toString(), "watch", "--for", "6s",
                "--toy-key-file", key.toString());
        watch.waitForStderr("watching " + technicianEnd, Duration.ofSeconds(10));
        SimConsole sim = new SimConsole(device.hw.portal(), new ToyCatalogue(FleetKey.fromHex(KEY)), device.service,
                new PrintStream(new ByteArrayOutputStream()));
        sim.execute(new String[] {"place", "0", "dragon"});
        Cli.Run r = watch.await(Duration.ofSeconds(25));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("placed   pad 0"), r.toString());
        assertTrue(r.out().contains("RECOGNISED type 101 variant 1 \"Ember\""), r.toString());
        assertTrue(r.out().contains(" health   up "), "heartbeats are mirrored too: " + r);
    }
}
