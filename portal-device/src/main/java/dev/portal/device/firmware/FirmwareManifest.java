package dev.portal.device.firmware;

import dev.portal.device.firmware.FirmwareException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an update promises about its image: version, size, SHA-256, how it is cut into chunks, its security
 * version, whether (for which portals, until when) it may replace a newer version; and an Ed25519 signature
 * over all of that. It travels as chunk 0 of the update, as readable {@code key=value} lines; the signature
 * covers the canonical form rebuilt from the fields, so the order of the lines does not matter but every field
 * does. A security version of 0 and no downgrade permission add no lines, so such a manifest is signed exactly
 * as before those fields existed, and portals from before then accept it.
 *
 * @param securityVersion u32; a portal refuses an image below the highest security version it has committed
 * @param downgrade       the permission to replace a newer version, bound to devices and an expiry
 * @param signature       64 bytes, or empty for an unsigned manifest (which every device refuses)
 */
public record FirmwareManifest(String version, long size, byte[] sha256, int chunkSize, long securityVersion,
                               Optional<DowngradeGrant> downgrade, byte[] signature) {
    public static final String MAGIC = "portal-firmware 1";
    public static final int MIN_CHUNK = 256;
    public static final int MAX_CHUNK = 2048;
    /** What one chunk carries. */
    private static final int MAX_MANIFEST_BYTES = 2048;
    private static final int SIGNATURE_LINE_BYTES = 99; // "signature=" + 88 Base64 characters + newline

    public FirmwareManifest {
        if (!FirmwareVersion.isValid(version)) {
            throw new IllegalArgumentException("not a firmware version: " + version);
        }
        if (size < 1) {
            throw new IllegalArgumentException("image size must be positive, not " + size);
        }
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("sha256 must be 32 bytes");
        }
        if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) {
            throw new IllegalArgumentException("chunk size must be " + MIN_CHUNK + ".." + MAX_CHUNK + ", not " + chunkSize);
        }
        if (securityVersion < 0 || securityVersion > SecurityFloor.MAX) {
            throw new IllegalArgumentException("security version must be 0.." + SecurityFloor.MAX + ", not " + securityVersion);
        }
        downgrade = Objects.requireNonNull(downgrade, "downgrade");
        sha256 = sha256.clone();
        signature = signature == null ? new byte[0] : signature.clone();
        int length = canonical(version, size, sha256, chunkSize, securityVersion, downgrade).length();
        if (length + SIGNATURE_LINE_BYTES > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("the manifest would take " + (length + SIGNATURE_LINE_BYTES)
                    + " bytes, more than the " + MAX_MANIFEST_BYTES + " of one chunk: name fewer devices");
        }
    }

    /** An unsigned manifest for an image; {@link #signedWith} makes it acceptable to devices. */
    public static FirmwareManifest unsigned(String version, long size, byte[] sha256, int chunkSize,
                                            long securityVersion, Optional<DowngradeGrant> downgrade) {
        return new FirmwareManifest(version, size, sha256, chunkSize, securityVersion, downgrade, new byte[0]);
    }

    /** An unsigned manifest with security version 0 and no downgrade permission. */
    public static FirmwareManifest unsigned(String version, long size, byte[] sha256, int chunkSize) {
        return unsigned(version, size, sha256, chunkSize, 0, Optional.empty());
    }

    public FirmwareManifest signedWith(PrivateKey key) {
        return new FirmwareManifest(version, size, sha256, chunkSize, securityVersion, downgrade,
                Ed25519Keys.sign(key, signedBytes()));
    }

    /** May it replace a version that is not older (for the devices and until the time its permission says)? */
    public boolean allowDowngrade() {
        return downgrade.isPresent();
    }

    public FirmwareVersion firmwareVersion() {
        return FirmwareVersion.parse(version);
    }

    /** Update job id: the first four bytes of the image hash, so pushing the same image again resumes the same job. */
    public long jobId() {
        return ((sha256[0] & 0xFFL) << 24) | ((sha256[1] & 0xFFL) << 16) | ((sha256[2] & 0xFFL) << 8) | (sha256[3] & 0xFFL);
    }

    /** Image chunks (chunk 0, the manifest, not counted). */
    public long imageChunks() {
        return (size + chunkSize - 1) / chunkSize;
    }

    /** Every chunk of the update, the manifest included. */
    public long totalChunks() {
        return imageChunks() + 1;
    }

    public boolean isSigned() {
        return signature.length > 0;
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** The bytes the signature covers. */
    public byte[] signedBytes() {
        return canonical().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] encode() {
        String text = canonical() + (isSigned() ? "signature=" + Base64.getEncoder().encodeToString(signature) + "\n" : "");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static FirmwareManifest decode(byte[] bytes) throws FirmwareException {
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new FirmwareException(Reason.BAD_MANIFEST, "manifest of " + bytes.length + " bytes is too long");
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        if (lines.length == 0 || !lines[0].equals(MAGIC)) {
            throw new FirmwareException(Reason.BAD_MANIFEST, "chunk 0 is not a portal firmware manifest");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0 || fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1)) != null) {
                throw new FirmwareException(Reason.BAD_MANIFEST, "bad or repeated manifest line " + (i + 1));
            }
        }
        try {
            String sig = fields.get("signature");
            // absent in manifests from before security versions: 0
            long securityVersion = Long.parseLong(fields.getOrDefault("security-version", "0"));
            Optional<DowngradeGrant> downgrade = Boolean.parseBoolean(required(fields, "allow-downgrade"))
                    ? Optional.of(DowngradeGrant.parse(fields)) : Optional.empty();
            return new FirmwareManifest(required(fields, "version"), Long.parseLong(required(fields, "size")),
                    HexFormat.of().parseHex(required(fields, "sha256")), Integer.parseInt(required(fields, "chunk-size")),
                    securityVersion, downgrade, sig == null ? new byte[0] : Base64.getDecoder().decode(sig));
        } catch (IllegalArgumentException e) {
            throw new FirmwareException(Reason.BAD_MANIFEST, e.getMessage());
        }
    }

    private static String required(Map<String, String> fields, String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException("manifest lacks '" + key + "'");
        }
        return v;
    }

    private String canonical() {
        return canonical(version, size, sha256, chunkSize, securityVersion, downgrade);
    }

    private static String canonical(String version, long size, byte[] sha256, int chunkSize, long securityVersion,
                                    Optional<DowngradeGrant> downgrade) {
        return MAGIC + "\nversion=" + version + "\nsize=" + size + "\nsha256=" + HexFormat.of().formatHex(sha256)
                + "\nchunk-size=" + chunkSize + "\nallow-downgrade=" + downgrade.isPresent() + "\n"
                + (securityVersion == 0 ? "" : "security-version=" + securityVersion + "\n")
                + downgrade.map(DowngradeGrant::lines).orElse("");
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirmwareManifest m && version.equals(m.version) && size == m.size && chunkSize == m.chunkSize
                && securityVersion == m.securityVersion && downgrade.equals(m.downgrade) && Arrays.equals(sha256, m.sha256)
                && Arrays.equals(signature, m.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, size, chunkSize, securityVersion, downgrade, Arrays.hashCode(sha256),
                Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "FirmwareManifest[" + version + ", " + size + " bytes, sha256=" + sha256Hex() + (isSigned() ? ", signed]" : ", UNSIGNED]");
    }
}
