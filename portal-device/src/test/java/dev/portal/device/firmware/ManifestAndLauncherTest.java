package dev.portal.device.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.link.DeviceId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestAndLauncherTest {
    @TempDir
    Path dir;

    @Test
    void versionsCompareAsNumbersAndReleaseCandidatesAreOlder() {
        assertTrue(FirmwareVersion.parse("1.10.0").isNewerThan(FirmwareVersion.parse("1.9.9")));
        assertTrue(FirmwareVersion.parse("1.5.0").isNewerThan(FirmwareVersion.parse("1.5.0-rc2")));
        assertEquals(0, FirmwareVersion.parse("1.5").compareTo(FirmwareVersion.parse("1.5.0")));
        assertThrows(IllegalArgumentException.class, () -> FirmwareVersion.parse("1.5.0; rm -rf"));
    }

    @Test
    void manifestSurvivesTheWireAndEveryFieldIsCoveredByTheSignature() throws Exception {
        KeyPair k = Ed25519Keys.generate();
        FirmwareManifest m = FirmwareManifest.unsigned("2.1.0", 123_456, new byte[32], 2048).signedWith(k.getPrivate());
        FirmwareManifest back = FirmwareManifest.decode(m.encode());
        assertEquals(m, back);
        assertTrue(Ed25519Keys.verify(k.getPublic(), back.signedBytes(), back.signature()));

        String text = new String(m.encode(), StandardCharsets.UTF_8);
        for (String[] edit : List.of(new String[] {"version=2.1.0", "version=9.1.0"}, new String[] {"size=123456", "size=123457"},
                new String[] {"chunk-size=2048", "chunk-size=1024"})) {
            FirmwareManifest forged = FirmwareManifest.decode(text.replace(edit[0], edit[1]).getBytes(StandardCharsets.UTF_8));
            assertFalse(Ed25519Keys.verify(k.getPublic(), forged.signedBytes(), forged.signature()), edit[1]);
        }
        FirmwareException bad = assertThrows(FirmwareException.class,
                () -> FirmwareManifest.decode("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(FirmwareException.Reason.BAD_MANIFEST, bad.reason());
    }

    @Test
    void securityVersionAndDowngradePermissionAreSignedAndAPlainManifestIsSignedAsBefore() throws Exception {
        KeyPair k = Ed25519Keys.generate();
        DowngradeGrant grant = new DowngradeGrant(List.of(DeviceId.of("shop-1"), DeviceId.of("shop-2")),
                Instant.parse("2030-01-31T18:00:00Z"));
        FirmwareManifest m = FirmwareManifest.unsigned("2.1.0", 123_456, new byte[32], 2048, 7, Optional.of(grant))
                .signedWith(k.getPrivate());
        FirmwareManifest back = FirmwareManifest.decode(m.encode());
        assertEquals(m, back);
        assertEquals(7, back.securityVersion());
        assertEquals(Optional.of(grant), back.downgrade());

        String text = new String(m.encode(), StandardCharsets.UTF_8);
        for (String[] edit : List.of(new String[] {"security-version=7", "security-version=9"},
                new String[] {"downgrade-devices=shop-1,shop-2", "downgrade-devices=shop-1,shop-3"},
                new String[] {"downgrade-not-after=2030-01-31T18:00:00Z", "downgrade-not-after=2031-01-31T18:00:00Z"})) {
            assertTrue(text.contains(edit[0]), text);
            FirmwareManifest forged = FirmwareManifest.decode(text.replace(edit[0], edit[1]).getBytes(StandardCharsets.UTF_8));
            assertFalse(Ed25519Keys.verify(k.getPublic(), forged.signedBytes(), forged.signature()), edit[1]);
        }

        // security version 0 and no permission: the bytes signed before those fields existed, so older portals
        // and manifests signed by older tools still agree
        FirmwareManifest plain = FirmwareManifest.unsigned("2.1.0", 123_456, new byte[32], 2048);
        assertEquals(FirmwareManifest.MAGIC + "\nversion=2.1.0\nsize=123456\nsha256=" + "00".repeat(32)
                + "\nchunk-size=2048\nallow-downgrade=false\n", new String(plain.signedBytes(), StandardCharsets.UTF_8));

        // a permission without devices and expiry (as older tools signed it) is refused as it is read
        String unbound = new String(plain.signedWith(k.getPrivate()).encode(), StandardCharsets.UTF_8)
                .replace("allow-downgrade=false", "allow-downgrade=true");
        FirmwareException e = assertThrows(FirmwareException.class,
                () -> FirmwareManifest.decode(unbound.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.report().startsWith("downgrade: the manifest allows a downgrade but names no devices and expiry"),
                e.report());
    }

    @Test
    void keysRoundTripThroughPem() {
        KeyPair k = Ed25519Keys.generate();
        assertArrayEquals(k.getPublic().getEncoded(), Ed25519Keys.publicKeyFromPem(Ed25519Keys.toPem(k.getPublic())).getEncoded());
        assertArrayEquals(k.getPrivate().getEncoded(), Ed25519Keys.privateKeyFromPem(Ed25519Keys.toPem(k.getPrivate())).getEncoded());
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.publicKeyFromPem("not a key"));
    }

    /**
     * The launcher step as its own JVM: it names the new slot's jar once, having recorded that launch; the next
     * launch, with no start of the service and no healthy mark in between, rolls back and names the old jar.
     */
    @Test
    void launcherStepRollsBackAVersionThatDiedAfterItsLaunchAndNamesTheJarToRun() throws Exception {
        SlotStore slots = new SlotStore(dir);
        Path jar = Files.write(dir.resolve("image.jar"), new byte[] {1, 2, 3});
        slots.install("a", jar, "1.1.0");
        slots.markHealthy("a");
        slots.switchTo("a");
        slots.install("b", jar, "1.2.0");
        PendingUpdate.installed("b", "a", "1.2.0", "1.1.0", 0, 77).save(slots);
        slots.switchTo("b");

        assertEquals(dir.resolve("slots/b/portal-device.jar").toAbsolutePath().toString(), launch());
        assertEquals(1, PendingUpdate.load(slots).orElseThrow().launches(), "the launch is on disk");
        assertEquals(dir.resolve("slots/a/portal-device.jar").toAbsolutePath().toString(), launch());
        assertEquals("a", slots.current());
        UpdateOutcome o = UpdateOutcome.load(slots).orElseThrow();
        assertEquals(77, o.correlationId());
        assertFalse(o.committed());
        assertEquals("rolled back to 1.1.0: version 1.2.0 stopped before its service started", o.detail());

        slots.switchTo(SlotStore.FACTORY);
        assertEquals("", launch(), "nothing printed: the factory jar runs");
    }

    private String launch() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FirmwareBoot.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return out;
    }
}
