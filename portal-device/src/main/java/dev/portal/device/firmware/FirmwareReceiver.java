package dev.portal.device.firmware;

import dev.portal.device.firmware.FirmwareException.Reason;
import dev.portal.device.disk.Disk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the chunks of one update in a staging directory, so a transfer survives a lost connection and a
 * device restart: the manifest, the image written at each chunk's offset, and a bitmap of the chunks held
 * (one byte per eight chunks, updated in place). One job at a time; a new image discards the old staging.
 * Chunks may arrive twice or out of order (QoS 1 redelivery). Size is bounded by the manifest, which the
 * verifier has already held against the device limit.
 */
public final class FirmwareReceiver {
    private static final Logger log = LoggerFactory.getLogger(FirmwareReceiver.class);
    private final Path dir;
    private FirmwareManifest manifest;
    private BitSet have = new BitSet();

    public FirmwareReceiver(Path stagingDir) throws IOException {
        this.dir = Files.createDirectories(stagingDir);
        load();
    }

    public Optional<FirmwareManifest> manifest() {
        return Optional.ofNullable(manifest);
    }

    /**
     * The manifest as the staging directory holds it now, read back from the card, not the copy in memory: the
     * installer checks this one again, since the files sat there between chunks and across restarts.
     */
    public synchronized FirmwareManifest stagedManifest() throws FirmwareException {
        try {
            return FirmwareManifest.decode(Files.readAllBytes(dir.resolve("manifest")));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new FirmwareException(Reason.BAD_MANIFEST, "the staged manifest is gone; send the update again");
        } catch (IOException e) {
            throw new FirmwareException(Reason.IO, "cannot read the staged manifest: " + e.getMessage(), e);
        }
    }

    public Path imageFile() {
        return dir.resolve("image.part");
    }

    /** Starts a job, or resumes it when this very manifest is already staged. */
    public synchronized ChunkProgress begin(FirmwareManifest m) throws FirmwareException {
        if (m.equals(manifest)) {
            log.info("resuming firmware job {}: {} of {} chunks held", m.jobId(), have.cardinality() + 1, m.totalChunks());
            return progress();
        }
        try {
            discard();
            Files.write(dir.resolve("bitmap"), new byte[(int) ((m.totalChunks() + 7) / 8)]);
            Files.write(imageFile(), new byte[0]);
            Disk.REAL.replace(dir.resolve("manifest"), m.encode());
        } catch (IOException e) {
            throw new FirmwareException(Reason.IO, "cannot stage the update: " + e.getMessage(), e);
        }
        manifest = m;
        have = new BitSet();
        log.info("firmware job {} started: {} {} bytes in {} chunks", m.jobId(), m.version(), m.size(), m.totalChunks());
        return progress();
    }

    /** Stores one image chunk (index 1..total-1). */
    public synchronized ChunkProgress accept(long jobId, long index, long total, byte[] imageSha256, byte[] data)
            throws FirmwareException {
        FirmwareManifest m = manifest;
        if (m == null || m.jobId() != jobId || !Arrays.equals(m.sha256(), imageSha256)) {
            throw new FirmwareException(Reason.UNKNOWN_JOB, "no manifest staged for job " + jobId + "; send chunk 0 first");
        }
        if (total != m.totalChunks() || index < 1 || index >= total) {
            throw new FirmwareException(Reason.BAD_CHUNK, "chunk " + index + "/" + total + " does not fit a "
                    + m.totalChunks() + "-chunk job");
        }
        long offset = (index - 1) * m.chunkSize();
        long expected = Math.min(m.chunkSize(), m.size() - offset);
        if (data.length != expected) {
            throw new FirmwareException(Reason.TRUNCATED, "chunk " + index + " has " + data.length + " bytes, expected " + expected);
        }
        if (!have.get((int) index)) {
            try (FileChannel image = FileChannel.open(imageFile(), StandardOpenOption.WRITE);
                 FileChannel bits = FileChannel.open(dir.resolve("bitmap"), StandardOpenOption.WRITE)) {
                image.write(ByteBuffer.wrap(data), offset);
                have.set((int) index);
                byte[] word = have.get((int) (index & ~7L), (int) (index & ~7L) + 8).toByteArray();
                bits.write(ByteBuffer.wrap(new byte[] {word.length == 0 ? 0 : word[0]}), index / 8);
            } catch (IOException e) {
                have.clear((int) index);
                throw new FirmwareException(Reason.IO, "cannot store chunk " + index + ": " + e.getMessage(), e);
            }
        }
        return progress();
    }

    public synchronized ChunkProgress progress() {
        if (manifest == null) {
            return new ChunkProgress(0, 0, 0, 0);
        }
        long total = manifest.totalChunks();
        int next = have.nextClearBit(1);
        return new ChunkProgress(manifest.jobId(), have.cardinality() + 1L, total, Math.min(next, total));
    }

    /** Drops the staged job (after install, or when its image failed verification). */
    public synchronized void discard() throws FirmwareException {
        manifest = null;
        have = new BitSet();
        try {
            for (String name : new String[] {"manifest", "manifest.tmp", "bitmap", "image.part"}) {
                Files.deleteIfExists(dir.resolve(name));
            }
        } catch (IOException e) {
            throw new FirmwareException(Reason.IO, "cannot clear staging: " + e.getMessage(), e);
        }
    }

    private void load() {
        Path mf = dir.resolve("manifest");
        if (!Files.exists(mf)) {
            return;
        }
        try {
            FirmwareManifest m = FirmwareManifest.decode(Files.readAllBytes(mf));
            BitSet bits = BitSet.valueOf(Files.readAllBytes(dir.resolve("bitmap")));
            bits.clear(0);
            if (bits.length() > m.totalChunks() || !Files.exists(imageFile())) {
                throw new IOException("staging files do not match the manifest");
            }
            manifest = m;
            have = bits;
        } catch (IOException | FirmwareException e) {
            log.warn("discarding damaged firmware staging in {}: {}", dir, e.getMessage());
            try {
                discard();
            } catch (FirmwareException ignored) {
                log.warn("could not clear staging: {}", ignored.getMessage());
            }
        }
    }
}
