package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.portalctl.testing.FakePortal;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MosquittoExtension;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** firmware keygen and push end to end: portalctl, Mosquitto, portals running the device's firmware code. */
class FirmwarePushTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path key;
    PublicKey fleetKey;
    final List<FakePortal> portals = new ArrayList<>();

    @BeforeEach
    void keys() throws Exception {
        Cli.Run r = Cli.run("firmware", "keygen", "--out", dir.resolve("keys").toString());
        assertEquals(0, r.code(), r.toString());
        key = dir.resolve("keys/firmware.key");
        fleetKey = Ed25519Keys.readPublic(dir.resolve("keys/firmware.pub"));
    }

    @AfterEach
    void stop() {
        portals.forEach(FakePortal::close);
    }

    private FakePortal portal(String id, PublicKey trusted, Duration healthDeadline) throws Exception {
        FakePortal p = new FakePortal(MOSQUITTO.uri(), id, dir.resolve(id), trusted, healthDeadline).start();
        portals.add(p);
        return p;
    }

    private Path jar(String version, boolean brokenSelfTest, int size) throws Exception {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, mf)) {
            out.putNextEntry(new JarEntry("dev/portal/payload.bin"));
            byte[] payload = new byte[size];
            new Random(size).nextBytes(payload);
            out.write(payload);
            if (brokenSelfTest) {
                out.putNextEntry(new JarEntry(FakePortal.BROKEN_SELFTEST));
                out.write(1);
            }
        }
        Path p = dir.resolve("portal-device-" + version + (brokenSelfTest ? "-broken" : "") + ".jar");
        Files.write(p, bytes.toByteArray());
        return p;
    }

    private String[] push(String... args) {
        List<String> all = new ArrayList<>(List.of("firmware", "push", "--broker", MOSQUITTO.uri(), "--key", key.toString(),
                "--health-timeout", "20s"));
        if (!List.of(args).contains("--timeout")) {
            all.addAll(List.of("--timeout", "3s"));
        }
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void keygenWritesAPrivateKeyOnlyItsOwnerReadsAndRefusesToOverwriteIt() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        Cli.Run again = Cli.run("firmware", "keygen", "--out", dir.resolve("keys").toString());
        assertEquals(1, again.code(), again.toString());
        assertTrue(again.err().contains("--force"), again.toString());
    }

    @Test
    void healthyUpdateIsCommittedAndABrokenOneIsRolledBackByThePortal() throws Exception {
        FakePortal p = portal("shop-1", fleetKey, Duration.ofSeconds(2));
        Cli.Run good = Cli.run(push("shop-1", jar("1.1.0", false, 30_000).toString()));
        assertEquals(0, good.code(), good.toString());
        assertTrue(good.out().contains("shop-1: committed - committed 1.1.0 in slot a (was 1.0.0)"), good.toString());
        assertEquals("1.1.0", p.version());

        Cli.Run broken = Cli.run(push("--json", "shop-1", jar("1.2.0", true, 30_000).toString()));
        assertEquals(1, broken.code(), broken.toString());
        JsonNode device = JSON.readTree(broken.out()).get("devices").get(0);
        assertEquals("ROLLED_BACK", device.get("outcome").asText());
        assertTrue(device.get("detail").asText().startsWith("rolled back to 1.1.0: version 1.2.0 did not report healthy"), broken.toString());
        Await.until(() -> "the portal to run 1.1.0 after four boots: " + p.version() + ", " + p.bootedVersions,
                () -> p.version().equals("1.1.0") && p.bootedVersions.size() == 4, Duration.ofSeconds(10));
        assertEquals(List.of("1.0.0", "1.1.0", "1.2.0", "1.1.0"), p.bootedVersions);
        assertEquals("a", p.slots().current());
    }

    @Test
    void olderAndForeignSignedImagesAreRefusedWithTheReason() throws Exception {
        portal("shop-2", fleetKey, Duration.ofSeconds(5));
        Cli.Run older = Cli.run(push("shop-2", jar("0.9.0", false, 5_000).toString()));
        assertEquals(1, older.code(), older.toString());
        assertTrue(older.out().contains("shop-2: refused - REJECTED at chunk 0: downgrade: image 0.9.0 is not newer than running 1.0.0"), older.toString());

        Cli.Run forced = Cli.run(push("--allow-downgrade", "--devices", "shop-2", "--expires", "1h", "shop-2",
                jar("0.9.0", false, 5_000).toString()));
        assertEquals(0, forced.code(), forced.toString());

        Path strangerKey = dir.resolve("stranger");
        Cli.run("firmware", "keygen", "--out", strangerKey.toString());
        Cli.Run foreign = Cli.run("firmware", "push", "--broker", MOSQUITTO.uri(), "--key", strangerKey.resolve("firmware.key").toString(),
                "--timeout", "3s", "shop-2", jar("2.0.0", false, 5_000).toString());
        assertEquals(1, foreign.code(), foreign.toString());
        assertTrue(foreign.out().contains("bad-signature: manifest of 2.0.0 is not signed by this fleet's firmware key"), foreign.toString());
    }

    /** A downgrade permission is bound to portals and an expiry, or portalctl does not sign it. */
    @Test
    void downgradeNeedsItsPortalsAndExpiryAndTheSecurityVersionIsSigned() throws Exception {
        FakePortal p = portal("shop-4", fleetKey, Duration.ofSeconds(5));
        String old = jar("0.9.0", false, 5_000).toString();
        for (String[] args : List.of(new String[] {"--allow-downgrade", "shop-4", old},
                new String[] {"--allow-downgrade", "--devices", "shop-4", "shop-4", old},
                new String[] {"--allow-downgrade", "--devices", "shop-5", "--expires", "1h", "shop-4", old},
                new String[] {"--allow-downgrade", "--devices", "shop-4", "--expires", "2001-01-01T00:00:00Z", "shop-4", old},
                new String[] {"--devices", "shop-4", "shop-4", old})) {
            Cli.Run r = Cli.run(push(args));
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r);
        }
        Cli.Run unbound = Cli.run(push("--allow-downgrade", "shop-4", old));
        assertTrue(unbound.err().contains("--allow-downgrade needs --devices (the portals it is for) and --expires"), unbound.toString());
        Cli.Run notListed = Cli.run(push("--allow-downgrade", "--devices", "shop-5", "--expires", "1h", "shop-4", old));
        assertTrue(notListed.err().contains("shop-4 is pushed to but not in --devices"), notListed.toString());
        assertEquals("1.0.0", p.version(), "nothing was sent");

        Cli.Run secure = Cli.run(push("--security-version", "3", "shop-4", jar("1.1.0", false, 5_000).toString()));
        assertEquals(0, secure.code(), secure.toString());
        Cli.Run weaker = Cli.run(push("--allow-downgrade", "--devices", "shop-4,shop-5", "--expires",
                "2099-01-01T00:00:00Z", "--security-version", "2", "shop-4", jar("1.0.5", false, 5_000).toString()));
        assertEquals(1, weaker.code(), weaker.toString());
        assertTrue(weaker.out().contains("shop-4: refused - REJECTED at chunk 0: security-version: image 1.0.5 has"
                + " security version 2, below 3, the highest this portal has committed"), weaker.toString());
    }

    @Test
    void transferResumesFromTheChunksThePortalHoldsAfterItDroppedOff() throws Exception {
        FakePortal p = portal("shop-3", fleetKey, Duration.ofSeconds(5));
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger manifests = new AtomicInteger();
        p.chunkSpy = c -> {
            sent.incrementAndGet();
            if (c.index() == 0) {
                manifests.incrementAndGet();
            }
            if (c.index() == 20 && manifests.get() == 1) {
                p.dropOffFor(Duration.ofSeconds(2));
            }
        };
        Path image = jar("1.1.0", false, 20_000);
        Cli.Run r = Cli.run(push("--chunk-size", "256", "--window", "4", "--timeout", "1s", "--progress", "shop-3", image.toString()));
        assertEquals(0, r.code(), r.toString());
        assertEquals("1.1.0", p.version());
        assertTrue(manifests.get() >= 2, "chunk 0 re-sent to resume: " + manifests.get());
        long total = (Files.size(image) + 255) / 256 + 1;
        assertTrue(sent.get() < total + 20, "resumed, not restarted: " + sent.get() + " chunks for " + total);
        assertTrue(r.err().contains("firmware ["), "progress bar on stderr with --progress: " + r.err());
    }

    @Test
    void stagedRolloutStopsWhenFailuresReachTheThreshold() throws Exception {
        portal("fleet-1", fleetKey, Duration.ofSeconds(5));
        portal("fleet-2", null, Duration.ofSeconds(5)); // no firmware key configured: refuses every update
        FakePortal third = portal("fleet-3", fleetKey, Duration.ofSeconds(5));
        portal("fleet-4", fleetKey, Duration.ofSeconds(5));
        Cli.Run r = Cli.run(push("--batch", "25%", "--abort-after", "1", "--json",
                "fleet-1", "fleet-2", "fleet-3", "fleet-4", jar("1.1.0", false, 4_000).toString()));
        assertEquals(4, r.code(), r.toString());
        JsonNode devices = JSON.readTree(r.out()).get("devices");
        assertEquals("COMMITTED", devices.get(0).get("outcome").asText());
        assertEquals("REFUSED", devices.get(1).get("outcome").asText());
        assertTrue(devices.get(1).get("detail").asText().contains("no-key"), r.toString());
        assertEquals("SKIPPED", devices.get(2).get("outcome").asText());
        assertEquals("SKIPPED", devices.get(3).get("outcome").asText());
        assertEquals("1.0.0", third.version(), "a skipped portal keeps its version");
    }
}
