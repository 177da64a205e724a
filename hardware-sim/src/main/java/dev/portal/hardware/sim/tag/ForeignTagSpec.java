package dev.portal.hardware.sim.tag;

import dev.portal.protocol.foreign.ToyForm;
import dev.portal.protocol.id.Uid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * A foreign toy named in a console or on a command line: {@code LINE:ID[:VARIANT[:SERIES]][@UID][!]}, LINE one
 * of {@code amiibo}, {@code skylander}, {@code lego}; numbers decimal or {@code 0x} hex; {@code @UID} the tag's
 * UID (else one drawn from the text, so the same spec is the same toy); a final {@code !} makes a toy that claims
 * the line but fails its check. Examples: {@code skylander:0x1c3:0x3000}, {@code amiibo:0x0100@04a61672613e80},
 * {@code lego:3}, {@code lego:1123!}.
 */
public record ForeignTagSpec(String line, int id, int variant, int series, Uid uid, boolean brokenCheck) {
    private static final String GRAMMAR = "LINE:ID[:VARIANT[:SERIES]][@UID][!] with LINE amiibo, skylander or lego";

    /** Whether {@code text} is meant as a foreign toy (starts with a line name and a colon). */
    public static boolean looksLikeOne(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("amiibo:") || t.startsWith("skylander:") || t.startsWith("lego:");
    }

    public static ForeignTagSpec parse(String text) {
        String rest = text.trim().toLowerCase(Locale.ROOT);
        boolean broken = rest.endsWith("!");
        if (broken) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String uidText = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            uidText = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String[] parts = rest.split(":", -1);
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("'" + text + "' is not " + GRAMMAR);
        }
        String line = parts[0];
        int id = number(parts[1], text);
        int variant = parts.length > 2 ? number(parts[2], text) : 0;
        int series = parts.length > 3 ? number(parts[3], text) : 0;
        int uidBytes = switch (line) {
            case "skylander" -> 4;
            case "amiibo", "lego" -> 7;
            default -> throw new IllegalArgumentException("unknown line '" + line + "' in '" + text + "': " + GRAMMAR);
        };
        Uid uid = uidText == null ? drawnUid(text, uidBytes) : Uid.parse(uidText);
        if (uid.length() != uidBytes) {
            throw new IllegalArgumentException("a " + line + " toy has a " + uidBytes + "-byte UID, not " + uid.length());
        }
        return new ForeignTagSpec(line, id, variant, series, uid, broken);
    }

    public VirtualTag build() {
        return switch (line) {
            case "skylander" -> ForeignTags.skylander(uid, id, variant, brokenCheck);
            case "amiibo" -> ForeignTags.amiibo(uid, id, variant, ToyForm.FIGURE, series, brokenCheck);
            default -> ForeignTags.lego(uid, id, brokenCheck);
        };
    }

    private static int number(String s, String text) {
        try {
            int n = s.startsWith("0x") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
            if (n < 0 || n > 0xFFFF) {
                throw new IllegalArgumentException("'" + s + "' in '" + text + "' is not 0..65535");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' in '" + text + "' is not a number", e);
        }
    }

    /** NTAG UIDs start with NXP's manufacturer byte 0x04; 4-byte UIDs avoid the cascade tag 0x88. */
    private static Uid drawnUid(String text, int length) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            byte[] uid = java.util.Arrays.copyOf(h, length);
            if (length == 7) {
                uid[0] = 0x04;
            } else if ((uid[0] & 0xFF) == 0x88) {
                uid[0] = 0x08;
            }
            return Uid.of(uid);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
