package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.testsupport.MosquittoExtension;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * portalctl firmware push against the real device service (simulate mode, in this JVM, real Mosquitto) configured
 * with the fleet's firmware key: a signed image is installed to the inactive slot, the service asks for its
 * restart, and the next start proves healthy and reports the commit; a mis-signed one is refused at once.
 */
class DeviceFirmwareTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();

    @TempDir
    Path dir;
    Path privateKey;
    final List<RealDevice> devices = new ArrayList<>();

    @BeforeEach
    void keys() {
        Cli.Run r = Cli.run("firmware", "keygen", "--out", dir.resolve("keys").toString());
        assertEquals(0, r.code(), r.toString());
        privateKey = dir.resolve("keys/firmware.key");
    }

    @AfterEach
    void stop() {
        devices.forEach(RealDevice::close);
    }

    private RealDevice device(String id, boolean withKey) throws Exception {
        return device(id, withKey, 20);
    }

    private RealDevice device(String id, boolean withKey, int healthDeadlineSeconds) throws Exception {
        RealDevice d = new RealDevice(MOSQUITTO.uri(), id, dir.resolve(id), root -> {
            if (withKey) {
                root.putObject("firmware").put("publicKeyFile", dir.resolve("keys/firmware.pub").toString())
                        .put("healthDeadlineSeconds", healthDeadlineSeconds);
            }
        });
        devices.add(d);
        return d;
    }

    private Path jar(String version) throws Exception {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, mf)) {
            out.putNextEntry(new JarEntry("dev/portal/payload.bin"));
            byte[] payload = new byte[12_000];
            new Random(7).nextBytes(payload);
            out.write(payload);
        }
        Path p = dir.resolve("portal-device-" + version + ".jar");
        Files.write(p, bytes.toByteArray());
        return p;
    }

    private Cli.Running push(String device, Path key, Path image) {
        return Cli.start("firmware", "push", "--broker", MOSQUITTO.uri(), "--key", key.toString(), "--timeout", "5s",
                "--health-timeout", "40s", device, image.toString());
    }

    @Test
    void aSignedImageIsInstalledToTheInactiveSlotAndCommittedAfterTheRestart() throws Exception {
        RealDevice d = device("fw-good", true);
        Cli.Run before = Cli.run("status", "fw-good", "--broker", MOSQUITTO.uri(), "--heartbeat-wait", "0");
        assertTrue(before.out().contains("FIRMWARE_UPDATE"), before.toString());
        Path image = jar("9.1.0");

        Cli.Running push = push("fw-good", privateKey, image);
        assertNotNull(d.restarts.poll(30, TimeUnit.SECONDS), "the service asked for no restart after the last chunk");
        Path fw = dir.resolve("fw-good/firmware");
        assertEquals("a", Files.readString(fw.resolve("current")).strip(), "pointer switched to the inactive slot");
        assertArrayEquals(Files.readAllBytes(image), Files.readAllBytes(fw.resolve("slots/a/portal-device.jar")));
        assertEquals("9.1.0", Files.readString(fw.resolve("slots/a/VERSION")).strip());

        d.restart(); // what exit 75 and the launcher do
        Cli.Run r = push.await(Duration.ofSeconds(60));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("fw-good: committed - committed 9.1.0 in slot a"), r.toString());
        assertEquals("9.1.0", d.service.firmwareVersion());
        assertTrue(Files.exists(fw.resolve("slots/a/HEALTHY")), "the health check marked the slot");
        Cli.Run after = Cli.run("status", "fw-good", "--broker", MOSQUITTO.uri(), "--heartbeat-wait", "0");
        assertTrue(after.out().contains("Firmware      9.1.0"), after.toString());
    }

    @Test
    void aVersionThatNeverReachesTheBrokerIsRolledBackAndTheOutcomeReported() throws Exception {
        RealDevice d = device("fw-cut", true, 5);
        String factory = d.service.firmwareVersion();
        Cli.Running push = push("fw-cut", privateKey, jar("9.4.0"));
        assertNotNull(d.restarts.poll(30, TimeUnit.SECONDS), "no restart after the last chunk");
        Path fw = dir.resolve("fw-cut/firmware");
        assertEquals("a", Files.readString(fw.resolve("current")).strip());

        d.restartCutOff(); // the new version starts, but never gets to the broker: its health check cannot pass
        assertNotNull(d.restarts.poll(30, TimeUnit.SECONDS), "the boot guard did not restart after the deadline");
        assertFalse(Files.exists(fw.resolve("current")), "switched back to the factory jar");
        assertFalse(Files.exists(fw.resolve("slots/a/HEALTHY")));

        d.restart(); // the previous version, with its network: it reports the rollback
        Cli.Run r = push.await(Duration.ofSeconds(60));
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("fw-cut: rolled back - rolled back to " + factory + ": version 9.4.0 did not report"
                + " healthy within 5.0 s"), r.toString());
        assertEquals(factory, d.service.firmwareVersion());
    }

    @Test
    void aMisSignedImageIsRefusedBeforeItsBytesAreSent() throws Exception {
        RealDevice d = device("fw-bad", true);
        Cli.run("firmware", "keygen", "--out", dir.resolve("stranger").toString());
        Cli.Run r = push("fw-bad", dir.resolve("stranger/firmware.key"), jar("9.2.0")).await(Duration.ofSeconds(30));
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("fw-bad: refused - REJECTED at chunk 0: bad-signature"), r.toString());
        assertNull(d.restarts.poll(500, TimeUnit.MILLISECONDS), "no restart for a refused image");
        assertFalse(Files.exists(dir.resolve("fw-bad/firmware/current")), "still the factory jar");
        assertFalse(Files.exists(dir.resolve("fw-bad/firmware/slots/a/portal-device.jar")));
    }

    @Test
    void aPortalWithoutAFirmwareKeyRefusesUpdatesAndDoesNotAnnounceThem() throws Exception {
        device("fw-none", false);
        Cli.Run status = Cli.run("status", "fw-none", "--broker", MOSQUITTO.uri(), "--heartbeat-wait", "0");
        assertEquals(0, status.code(), status.toString());
        assertFalse(status.out().contains("FIRMWARE_UPDATE"), status.toString());
        Cli.Run r = push("fw-none", privateKey, jar("9.3.0")).await(Duration.ofSeconds(30));
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("firmware updates not configured (no firmware.publicKeyFile)"), r.toString());
    }
}
