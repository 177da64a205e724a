package dev.portal.portalctl.firmware;

import dev.portal.device.firmware.DowngradeGrant;
import dev.portal.device.firmware.FirmwareManifest;
import dev.portal.device.firmware.FirmwareVersion;
import dev.portal.portalctl.BadInputException;
import dev.portal.protocol.frame.FirmwareChunk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Optional;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * A JAR about to be pushed: its bytes, its version (given, or the JAR's Implementation-Version) and the signed
 * manifest that travels as chunk 0. Chunks are cut on demand, so nothing is copied per device.
 */
public final class FirmwareImage {
    private final byte[] bytes;
    private final FirmwareManifest manifest;

    private FirmwareImage(byte[] bytes, FirmwareManifest manifest) {
        this.bytes = bytes;
        this.manifest = manifest;
    }

    /** @param key null for an unsigned manifest (which every portal refuses; tests use it) */
    public static FirmwareImage load(Path jar, String version, PrivateKey key, int chunkSize, long securityVersion,
                                     Optional<DowngradeGrant> downgrade) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        String v = version != null ? version : jarVersion(bytes).orElseThrow(() -> new BadInputException(
                jar + " has no Implementation-Version in its manifest; give --version"));
        if (!FirmwareVersion.isValid(v)) {
            throw new BadInputException("not a firmware version (want e.g. 1.4.2): " + v);
        }
        FirmwareManifest m;
        try {
            m = FirmwareManifest.unsigned(v, bytes.length, sha256(bytes), chunkSize, securityVersion, downgrade);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage()); // e.g. too many devices for one chunk
        }
        return new FirmwareImage(bytes, key == null ? m : m.signedWith(key));
    }

    private static Optional<String> jarVersion(byte[] bytes) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            Manifest mf = in.getManifest();
            if (mf == null) {
                throw new BadInputException("not a JAR with a manifest; a portal only runs JARs");
            }
            return Optional.ofNullable(mf.getMainAttributes().getValue("Implementation-Version"));
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public FirmwareManifest manifest() {
        return manifest;
    }

    public long totalChunks() {
        return manifest.totalChunks();
    }

    public FirmwareChunk chunk(long index) {
        byte[] data;
        if (index == 0) {
            data = manifest.encode();
        } else {
            int from = (int) ((index - 1) * manifest.chunkSize());
            data = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + manifest.chunkSize()));
        }
        return new FirmwareChunk(manifest.jobId(), index, manifest.totalChunks(), manifest.sha256(), data);
    }
}
