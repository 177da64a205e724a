package dev.portal.device.firmware;

import dev.portal.link.DeviceId;
import dev.portal.protocol.frame.FirmwareChunk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds firmware JARs and the chunk commands that carry them, as portalctl does. */
final class FirmwareImages {
    static final int CHUNK = 1024;

    private FirmwareImages() {
    }

    /** A runnable-looking JAR of about {@code payloadBytes} (random, so it does not compress away). */
    static byte[] jar(String version, int payloadBytes) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            jar.putNextEntry(new JarEntry("payload.bin"));
            byte[] payload = new byte[payloadBytes];
            new Random(version.hashCode()).nextBytes(payload);
            jar.write(payload);
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    /** Security version 0, no downgrade permission. */
    static FirmwareManifest manifest(String version, byte[] image, PrivateKey key) throws Exception {
        return manifest(version, image, key, 0, Optional.empty());
    }

    static FirmwareManifest manifest(String version, byte[] image, PrivateKey key, long securityVersion,
                                     Optional<DowngradeGrant> downgrade) throws Exception {
        FirmwareManifest m = FirmwareManifest.unsigned(version, image.length,
                MessageDigest.getInstance("SHA-256").digest(image), CHUNK, securityVersion, downgrade);
        return key == null ? m : m.signedWith(key);
    }

    /** A downgrade permission for {@code devices} that ends {@code fromNow} from now (negative: already ended). */
    static Optional<DowngradeGrant> downgradeFor(Duration fromNow, DeviceId... devices) {
        return Optional.of(new DowngradeGrant(List.of(devices), Instant.now().plus(fromNow)));
    }

    /** Chunk 0 (the manifest) and the image chunks. */
    static List<FirmwareChunk> chunks(FirmwareManifest m, byte[] image) {
        List<FirmwareChunk> out = new ArrayList<>();
        out.add(new FirmwareChunk(m.jobId(), 0, m.totalChunks(), m.sha256(), m.encode()));
        for (long i = 1; i < m.totalChunks(); i++) {
            int from = (int) ((i - 1) * m.chunkSize());
            out.add(new FirmwareChunk(m.jobId(), i, m.totalChunks(), m.sha256(),
                    Arrays.copyOfRange(image, from, Math.min(image.length, from + m.chunkSize()))));
        }
        return out;
    }
}
