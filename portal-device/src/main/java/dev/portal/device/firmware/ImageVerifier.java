package dev.portal.device.firmware;

import dev.portal.device.firmware.FirmwareException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.zip.ZipFile;

/**
 * Decides whether an image may be installed: the manifest must carry a valid Ed25519 signature by the fleet's
 * firmware key, a security version not below the portal's {@link SecurityFloor} (nothing overrides that), a
 * downgrade permission only if it names this portal and has not expired, and a version newer than the running
 * one unless it carries such a permission; the image must have exactly the promised size and SHA-256 and be a
 * JAR the launcher can run.
 */
public final class ImageVerifier {
    private final FirmwareSettings settings;
    private final SecurityFloor floor;

    public ImageVerifier(FirmwareSettings settings, SecurityFloor floor) {
        this.settings = settings;
        this.floor = floor;
    }

    /** Checks the manifest alone, so a bad update is refused before its image is transferred. */
    public void checkManifest(FirmwareManifest manifest, FirmwareVersion running) throws FirmwareException {
        if (!manifest.isSigned()) {
            throw new FirmwareException(Reason.UNSIGNED, "image " + manifest.version() + " carries no signature");
        }
        PublicKey key = settings.publicKey().orElseThrow(() -> new FirmwareException(Reason.NO_KEY,
                "no firmware public key in the device configuration; updates are disabled"));
        if (!Ed25519Keys.verify(key, manifest.signedBytes(), manifest.signature())) {
            throw new FirmwareException(Reason.BAD_SIGNATURE,
                    "manifest of " + manifest.version() + " is not signed by this fleet's firmware key");
        }
        if (manifest.size() > settings.maxImageBytes()) {
            throw new FirmwareException(Reason.TOO_LARGE,
                    "image of " + manifest.size() + " bytes exceeds the device limit of " + settings.maxImageBytes());
        }
        long committed = committedSecurityVersion();
        if (manifest.securityVersion() < committed) {
            throw new FirmwareException(Reason.SECURITY_VERSION, "image " + manifest.version() + " has security version "
                    + manifest.securityVersion() + ", below " + committed + ", the highest this portal has committed");
        }
        if (manifest.downgrade().isPresent()) {
            // checked whether or not this image is a downgrade here: the permission binds the whole manifest
            manifest.downgrade().get().check(settings.deviceId(), settings.clock());
        } else if (!manifest.firmwareVersion().isNewerThan(running)) {
            throw new FirmwareException(Reason.DOWNGRADE, "image " + manifest.version() + " is not newer than running "
                    + running + " (push with --allow-downgrade --devices ID --expires WHEN to allow it)");
        }
    }

    private long committedSecurityVersion() throws FirmwareException {
        try {
            return floor.current();
        } catch (IOException e) {
            throw new FirmwareException(Reason.IO, e.getMessage(), e);
        }
    }

    /** Checks the assembled image against a manifest that passed {@link #checkManifest}. */
    public void checkImage(FirmwareManifest manifest, Path image) throws FirmwareException {
        long actual;
        try {
            actual = Files.size(image);
        } catch (IOException e) {
            throw new FirmwareException(Reason.IO, "cannot read staged image: " + e.getMessage(), e);
        }
        if (actual < manifest.size()) {
            throw new FirmwareException(Reason.TRUNCATED, "image has " + actual + " of " + manifest.size() + " bytes");
        }
        if (actual > manifest.size()) {
            throw new FirmwareException(Reason.HASH_MISMATCH, "image has " + actual + " bytes, manifest says " + manifest.size());
        }
        byte[] digest = sha256(image);
        if (!Arrays.equals(digest, manifest.sha256())) {
            throw new FirmwareException(Reason.HASH_MISMATCH, "image SHA-256 differs from the signed manifest");
        }
        try (ZipFile jar = new ZipFile(image.toFile())) {
            if (jar.getEntry("META-INF/MANIFEST.MF") == null) {
                throw new FirmwareException(Reason.NOT_A_JAR, "image has no META-INF/MANIFEST.MF");
            }
        } catch (IOException e) {
            throw new FirmwareException(Reason.NOT_A_JAR, "image is not a JAR: " + e.getMessage(), e);
        }
    }

    public static byte[] sha256(Path file) throws FirmwareException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return md.digest();
        } catch (IOException e) {
            throw new FirmwareException(Reason.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
