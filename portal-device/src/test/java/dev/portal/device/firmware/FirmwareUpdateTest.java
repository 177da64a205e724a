package dev.portal.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FirmwareUpdateTest extends FirmwareDeviceFixture {
    private FirmwareHost boot(Duration deadline) throws Exception {
        return boot(deadline, probe("broker", true));
    }

    private FirmwareHost boot(Duration deadline, HealthCheck.Probe probe) throws Exception {
        return boot(deadline, probe, WallClock.HOST);
    }

    private CommandResult awaitOutcome() {
        return host.awaitOutcome();
    }

    private CommandResult push(List<FirmwareChunk> chunks) {
        return host.push(chunks);
    }

    @Test
    void healthyUpdateIsInstalledToTheInactiveSlotAndCommitted() throws Exception {
        boot(Duration.ofSeconds(30));
        byte[] image = FirmwareImages.jar("1.1.0", 5000);
        FirmwareManifest m = FirmwareImages.manifest("1.1.0", image, fleet.getPrivate());
        CommandResult done = push(FirmwareImages.chunks(m, image));

        assertEquals(Status.OK, done.status(), done.detail());
        assertTrue(done.detail().startsWith("installed 1.1.0 to slot a"), done.detail());
        assertNotNull(restarts.poll(5, TimeUnit.SECONDS), "the device restarts into the new slot");
        assertEquals("a", host.slots.current());
        assertTrue(Files.exists(dir.resolve("slots/a/portal-device.jar")));

        boot(Duration.ofSeconds(30));
        CommandResult outcome = awaitOutcome();
        assertEquals(Status.OK, outcome.status(), outcome.detail());
        assertEquals("committed 1.1.0 in slot a (was 1.0.0)", outcome.detail());
        assertEquals(m.totalChunks() + 99, outcome.correlationId(), "reported against the last chunk's command");
        assertFalse(host.service.onProbation());
        assertEquals("1.1.0", host.service.runningVersion());
        assertTrue(Files.exists(dir.resolve("slots/a/HEALTHY")));

        boot(Duration.ofSeconds(30));
        assertTrue(host.outcomes.isEmpty(), "an outcome is sent once");
    }

    @Test
    void versionWhoseHealthCheckFailsIsRolledBackAtTheDeadline() throws Exception {
        boot(Duration.ofSeconds(30));
        byte[] image = FirmwareImages.jar("1.2.0", 3000);
        push(FirmwareImages.chunks(FirmwareImages.manifest("1.2.0", image, fleet.getPrivate()), image));
        restarts.take();

        boot(Duration.ofMillis(300), probe("reader self-test", false));
        assertTrue(host.service.onProbation());
        String restart = restarts.poll(5, TimeUnit.SECONDS);

        assertNotNull(restart, "the guard restarts the service after the rollback");
        assertEquals(SlotStore.FACTORY, host.slots.current());
        assertEquals("1.0.0", host.service.runningVersion());
        CommandResult outcome = awaitOutcome();
        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.detail().startsWith("rolled back to 1.0.0: version 1.2.0 did not report healthy within 0.3 s"),
                outcome.detail());
        assertFalse(Files.exists(dir.resolve("slots/a/HEALTHY")));

        boot(Duration.ofSeconds(30));
        assertFalse(host.service.onProbation(), "the old version runs normally again");
    }

    @Test
    void versionThatCrashesBeforeMarkingHealthyIsRolledBackByTheLauncher() throws Exception {
        boot(Duration.ofSeconds(30));
        byte[] image = FirmwareImages.jar("1.3.0", 2000);
        push(FirmwareImages.chunks(FirmwareImages.manifest("1.3.0", image, fleet.getPrivate()), image));
        boot(Duration.ofSeconds(30), probe("never gets there", false));
        assertEquals("a", host.slots.current());
        host.close(); // the process dies: no health mark, no deadline

        assertEquals(SlotStore.FACTORY, BootGuard.chooseSlot(new SlotStore(dir)));
        boot(Duration.ofSeconds(30));
        assertTrue(awaitOutcome().detail().contains("stopped before it reported healthy"), host.outcomes.toString());
    }

    /** The new jar dies at once (a bad class path, say): its BootGuard never runs, so only the launcher can tell. */
    @Test
    void versionThatDiesBeforeItsBootGuardRunsIsRolledBackAtTheNextLaunch() throws Exception {
        boot(Duration.ofSeconds(30));
        byte[] image = FirmwareImages.jar("1.3.0", 2000);
        push(FirmwareImages.chunks(FirmwareImages.manifest("1.3.0", image, fleet.getPrivate()), image));
        assertNotNull(restarts.poll(5, TimeUnit.SECONDS));
        host.close();
        host = null;

        SlotStore slots = new SlotStore(dir);
        assertEquals("a", BootGuard.chooseSlot(slots), "the first launch runs the new version");
        // ... which exits before its service starts: no onStart, no health mark, no deadline
        assertEquals(SlotStore.FACTORY, BootGuard.chooseSlot(slots), "the next launch goes back");

        boot(Duration.ofSeconds(30));
        CommandResult outcome = awaitOutcome();
        assertEquals(Status.FAILED, outcome.status(), outcome.detail());
        assertEquals("rolled back to 1.0.0: version 1.3.0 stopped before its service started", outcome.detail());
        assertEquals("1.0.0", host.service.runningVersion());
        assertFalse(host.service.onProbation());
    }

    @Test
    void secondUpdateGoesToTheOtherSlotAndOlderImagesAreRefused() throws Exception {
        boot(Duration.ofSeconds(30));
        byte[] v11 = FirmwareImages.jar("1.1.0", 2000);
        push(FirmwareImages.chunks(FirmwareImages.manifest("1.1.0", v11, fleet.getPrivate()), v11));
        boot(Duration.ofSeconds(30));
        awaitOutcome();

        byte[] v105 = FirmwareImages.jar("1.0.5", 2000);
        CommandResult old = push(FirmwareImages.chunks(FirmwareImages.manifest("1.0.5", v105, fleet.getPrivate()), v105));
        assertEquals(Status.REJECTED, old.status());
        assertTrue(old.detail().startsWith("downgrade: image 1.0.5 is not newer than running 1.1.0"), old.detail());

        CommandResult forced = push(FirmwareImages.chunks(FirmwareImages.manifest("1.0.5", v105, fleet.getPrivate(), 0,
                FirmwareImages.downgradeFor(Duration.ofHours(1), FirmwareHost.ID)), v105));
        assertEquals(Status.OK, forced.status(), forced.detail());
        assertEquals("b", host.slots.current());
        assertTrue(Files.exists(dir.resolve("slots/a/portal-device.jar")), "the previous slot is kept for rollback");
    }

    @Test
    void unsignedAndForeignSignedManifestsAreRefusedBeforeTheImageIsSent() throws Exception {
        boot(Duration.ofSeconds(30));
        byte[] image = FirmwareImages.jar("2.0.0", 2000);
        CommandResult unsigned = push(FirmwareImages.chunks(FirmwareImages.manifest("2.0.0", image, null), image));
        assertEquals(Status.REJECTED, unsigned.status());
        assertTrue(unsigned.detail().startsWith("unsigned:"), unsigned.detail());

        KeyPair stranger = Ed25519Keys.generate();
        CommandResult foreign = push(FirmwareImages.chunks(FirmwareImages.manifest("2.0.0", image, stranger.getPrivate()), image));
        assertEquals(Status.REJECTED, foreign.status());
        assertTrue(foreign.detail().startsWith("bad-signature:"), foreign.detail());
        assertEquals(SlotStore.FACTORY, host.slots.current());
        assertTrue(restarts.isEmpty());
    }

    @Test
    void truncatedAndTamperedImagesAreRefusedAndNothingIsInstalled() throws Exception {
        boot(Duration.ofSeconds(30));
        byte[] image = FirmwareImages.jar("1.5.0", 4000);
        FirmwareManifest m = FirmwareImages.manifest("1.5.0", image, fleet.getPrivate());
        List<FirmwareChunk> chunks = FirmwareImages.chunks(m, image);
        FirmwareChunk last = chunks.get(chunks.size() - 1);
        byte[] shorter = java.util.Arrays.copyOf(last.data(), last.data().length - 7);
        chunks.set(chunks.size() - 1, new FirmwareChunk(m.jobId(), last.index(), last.total(), m.sha256(), shorter));
        CommandResult truncated = push(chunks);
        assertEquals(Status.REJECTED, truncated.status());
        assertTrue(truncated.detail().startsWith("truncated:"), truncated.detail());

        byte[] tampered = last.data();
        tampered[0] ^= 0x5A;
        chunks = FirmwareImages.chunks(m, image);
        chunks.set(chunks.size() - 1, new FirmwareChunk(m.jobId(), last.index(), last.total(), m.sha256(), tampered));
        CommandResult mismatch = push(chunks);
        assertEquals(Status.REJECTED, mismatch.status());
        assertTrue(mismatch.detail().startsWith("hash-mismatch:"), mismatch.detail());
        assertEquals(SlotStore.FACTORY, host.slots.current());
        assertFalse(Files.exists(dir.resolve("slots/a/portal-device.jar")));
    }

    /** The staged files sit on the SD card between chunks: a manifest changed there is not installed. */
    @Test
    void manifestChangedInStagingBeforeTheLastChunkIsRefusedAndNothingIsSwitched() throws Exception {
        boot(Duration.ofSeconds(30));
        FirmwareChunk lastChunk = pushAllButTheLastChunk("1.4.0");
        forgeStagedVersion("1.4.0", "9.0.0");

        CommandResult last = push(List.of(lastChunk));
        assertEquals(Status.REJECTED, last.status(), last.detail());
        assertTrue(last.detail().startsWith("bad-signature: manifest of 9.0.0 is not signed"), last.detail());
        assertNothingInstalled();
    }

    /** After a restart mid-transfer the device knows the job only from the staged files; they are checked again. */
    @Test
    void manifestChangedInStagingAcrossARestartIsRefusedAtInstall() throws Exception {
        boot(Duration.ofSeconds(30));
        FirmwareChunk lastChunk = pushAllButTheLastChunk("1.4.0");
        host.close();
        forgeStagedVersion("1.4.0", "9.0.0");

        boot(Duration.ofSeconds(30));
        CommandResult last = push(List.of(lastChunk));
        assertEquals(Status.REJECTED, last.status(), last.detail());
        assertTrue(last.detail().startsWith("bad-signature: manifest of 9.0.0 is not signed"), last.detail());
        assertNothingInstalled();
    }

    /** A signed update of {@code version} staged up to its last chunk, which is returned. */
    private FirmwareChunk pushAllButTheLastChunk(String version) throws Exception {
        byte[] image = FirmwareImages.jar(version, 3000);
        List<FirmwareChunk> chunks = FirmwareImages.chunks(FirmwareImages.manifest(version, image, fleet.getPrivate()), image);
        assertEquals(Status.OK, push(chunks.subList(0, chunks.size() - 1)).status());
        return chunks.get(chunks.size() - 1);
    }

    private void forgeStagedVersion(String from, String to) throws Exception {
        Path staged = dir.resolve("staging/manifest");
        Files.writeString(staged, Files.readString(staged).replace("version=" + from, "version=" + to));
    }

    private void assertNothingInstalled() throws Exception {
        assertEquals(SlotStore.FACTORY, host.slots.current());
        assertFalse(Files.exists(dir.resolve("slots/a/portal-device.jar")));
        assertFalse(Files.exists(dir.resolve("pending")));
        assertTrue(restarts.isEmpty(), restarts.toString());
    }

    @Test
    void transferResumesAfterARestartFromTheChunksTheDeviceHolds() throws Exception {
        boot(Duration.ofSeconds(30));
        byte[] image = FirmwareImages.jar("1.1.0", 6000);
        FirmwareManifest m = FirmwareImages.manifest("1.1.0", image, fleet.getPrivate());
        List<FirmwareChunk> chunks = FirmwareImages.chunks(m, image);
        push(chunks.subList(0, 4));

        boot(Duration.ofSeconds(30)); // power cut mid-transfer
        CommandResult again = host.handle(1, chunks.get(0)).result();
        ChunkProgress progress = ChunkProgress.find(again.detail()).orElseThrow();
        assertEquals(4, progress.have());
        assertEquals(4, progress.next());
        assertEquals(Status.OK, push(chunks.subList((int) progress.next(), chunks.size())).status());
        assertEquals("a", host.slots.current());
    }

    @Test
    void chunkWithoutManifestIsRefusedWithAHint() throws Exception {
        boot(Duration.ofSeconds(30));
        byte[] image = FirmwareImages.jar("1.1.0", 2000);
        List<FirmwareChunk> chunks = FirmwareImages.chunks(FirmwareImages.manifest("1.1.0", image, fleet.getPrivate()), image);
        CommandResult r = host.handle(7, chunks.get(1)).result();
        assertEquals(Status.REJECTED, r.status());
        assertTrue(r.detail().contains("send chunk 0 first"), r.detail());
    }

    private static HealthCheck.Probe probe(String name, boolean ok) {
        return FirmwareHost.probe(name, ok);
    }
}
