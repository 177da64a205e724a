package dev.portal.protocol.toy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The raw bytes of one save area as a portal read them, or an area image the host made for a portal to write:
 * at most {@link #MAX_BYTES}, immutable, equal by content. A portal holds no toy key, so it only moves these
 * bytes; the host judges and signs them (SPEC.md 11.12).
 */
public final class AreaBytes {
    /** The largest area of any layout (every layout's areas are 64 bytes). */
    public static final int MAX_BYTES = 64;
    private static final byte[] DIGEST_LABEL = "portal-areas-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] bytes;

    private AreaBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static AreaBytes of(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("an area has at most " + MAX_BYTES + " bytes, not " + bytes.length);
        }
        return new AreaBytes(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * A fingerprint of what a tag's two areas held: the first 8 bytes of SHA-256 over a label, then per area a
     * presence byte and its bytes. The host names the fingerprint of the read it planned a write from; the
     * portal writes only if the tag still holds exactly that, so a plan made from stale bytes never lands.
     */
    public static long digest(Optional<AreaBytes> a, Optional<AreaBytes> b) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(DIGEST_LABEL);
            for (Optional<AreaBytes> area : java.util.List.of(a, b)) {
                sha.update((byte) (area.isPresent() ? 1 : 0));
                sha.update((byte) area.map(AreaBytes::length).orElse(0).intValue());
                area.ifPresent(x -> sha.update(x.bytes));
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AreaBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AreaBytes[" + hex() + "]";
    }
}
