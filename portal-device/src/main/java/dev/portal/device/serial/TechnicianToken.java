package dev.portal.device.serial;

import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.protocol.frame.Birth;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A technician's permission to change things through one portal's serial cable (or every portal's, device
 * {@code *}) until it expires: a statement signed with the technician key (Ed25519). The private key stays on the
 * host side ({@code portalctl token make}); a portal holds only the public key, so it cannot make a token. Text,
 * one field a line, so a technician can read what a token file allows:
 * <pre>
 *   portal-technician-token 1
 *   device=cellar-1
 *   issued=2025-06-01T09:00:00Z
 *   expires=2025-06-01T10:00:00Z
 *   id=3f9c0a1b2c3d4e5f
 *   signature=...        (base64, over the lines above)
 * </pre>
 *
 * @param device    a device id, or {@link #ANY_DEVICE}
 * @param id        names the token in the portal's log
 * @param signature 64 bytes, or none for a token not signed yet (which every portal refuses)
 */
public record TechnicianToken(String device, Instant issued, Instant expires, String id, byte[] signature) {
    public static final String MAGIC = "portal-technician-token 1";
    public static final String ANY_DEVICE = "*";
    /** The longest validity a portal accepts: a lost token must not open cables for long. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(7);

    public TechnicianToken {
        if (!ANY_DEVICE.equals(device) && !Birth.isValidDeviceId(device)) {
            throw new IllegalArgumentException("device must be a device id or " + ANY_DEVICE + ", not '" + device + "'");
        }
        issued = issued.truncatedTo(ChronoUnit.SECONDS);
        expires = expires.truncatedTo(ChronoUnit.SECONDS);
        if (!expires.isAfter(issued)) {
            throw new IllegalArgumentException("a token must expire after it was issued");
        }
        if (Duration.between(issued, expires).compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("a token may be valid for " + MAX_VALIDITY.toDays() + " days at most");
        }
        if (!id.matches("[0-9a-f]{8,32}")) {
            throw new IllegalArgumentException("token id must be 8..32 lower-case hex digits");
        }
        signature = signature == null ? new byte[0] : signature.clone();
    }

    /** A token for {@code device} valid from {@code issued} for {@code validity}; {@link #signedWith} makes it usable. */
    public static TechnicianToken unsigned(String device, Instant issued, Duration validity, String id) {
        return new TechnicianToken(device, issued, issued.plus(validity), id, new byte[0]);
    }

    public TechnicianToken signedWith(PrivateKey key) {
        return new TechnicianToken(device, issued, expires, id, Ed25519Keys.sign(key, signedBytes()));
    }

    public boolean isSignedBy(PublicKey key) {
        return signature.length > 0 && Ed25519Keys.verify(key, signedBytes(), signature);
    }

    /** Whether this token names {@code deviceId} (or every device). */
    public boolean covers(String deviceId) {
        return device.equals(ANY_DEVICE) || device.equals(deviceId);
    }

    public String encode() {
        return canonical() + (signature.length > 0 ? "signature=" + Base64.getEncoder().encodeToString(signature) + "\n" : "");
    }

    /** Reads a token; a malformed one is an IllegalArgumentException saying what is wrong. */
    public static TechnicianToken decode(String text) {
        String[] lines = text.strip().split("\n");
        if (!lines[0].strip().equals(MAGIC)) {
            throw new IllegalArgumentException("not a technician token (it must start with '" + MAGIC + "')");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            int eq = line.indexOf('=');
            if (eq <= 0 || fields.put(line.substring(0, eq), line.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("bad or repeated line " + (i + 1) + " in the token");
            }
        }
        try {
            return new TechnicianToken(field(fields, "device"), Instant.parse(field(fields, "issued")),
                    Instant.parse(field(fields, "expires")), field(fields, "id"),
                    Base64.getDecoder().decode(field(fields, "signature")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a token time is not an ISO-8601 instant: " + e.getParsedString(), e);
        }
    }

    private static String field(Map<String, String> fields, String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the token has no " + key);
        }
        return v;
    }

    private byte[] signedBytes() {
        return canonical().getBytes(StandardCharsets.UTF_8);
    }

    private String canonical() {
        return MAGIC + "\ndevice=" + device + "\nissued=" + issued + "\nexpires=" + expires + "\nid=" + id + "\n";
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TechnicianToken t && device.equals(t.device) && issued.equals(t.issued)
                && expires.equals(t.expires) && id.equals(t.id) && Arrays.equals(signature, t.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(device, issued, expires, id, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "TechnicianToken[" + id + " for " + device + " until " + expires + (signature.length > 0 ? "]" : ", UNSIGNED]");
    }
}
