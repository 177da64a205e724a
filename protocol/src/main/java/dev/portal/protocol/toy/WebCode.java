package dev.portal.protocol.toy;

import dev.portal.protocol.id.Uid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The web code that comes with a toy: whoever holds it may claim the toy on the web. Twelve symbols of Crockford
 * base32 (60 random bits), printed {@code XXXX-XXXX-XXXX}. The host keeps only {@link #digest(Uid)}, so its
 * database does not hand out the codes.
 * <p>The digest is a plain SHA-256, not a slow password hash: a code is 60 bits from a SecureRandom, not a word a
 * person chose, so guessing it from its digest costs about 2^59 hashes whatever the hash; slowness would only
 * make every claim dearer. The UID is in the digest so one code's digest says nothing about another toy's.
 */
public final class WebCode {
    /** Crockford's base32: digits and capitals without I, L, O and U. */
    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 12;
    private static final byte[] DOMAIN = "portal-webcode-v1".getBytes(StandardCharsets.US_ASCII);

    private final String symbols;

    private WebCode(String symbols) {
        this.symbols = symbols;
    }

    /** A fresh code of 60 random bits. */
    public static WebCode random(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        StringBuilder s = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            s.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        }
        return new WebCode(s.toString());
    }

    /**
     * A code as a person typed it: any case, spaces and hyphens anywhere, O read as 0 and I or L as 1 (the
     * symbols a reader confuses). Anything else, or not exactly twelve symbols, is empty.
     */
    public static Optional<WebCode> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = Character.toUpperCase(typed.charAt(i));
            if (c == ' ' || c == '-') {
                continue;
            }
            char symbol = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (symbol > 0x7F || SYMBOLS.indexOf(symbol) < 0 || s.length() == LENGTH) {
                return Optional.empty();
            }
            s.append(symbol);
        }
        return s.length() == LENGTH ? Optional.of(new WebCode(s.toString())) : Optional.empty();
    }

    /** Lower-case hex SHA-256 over "portal-webcode-v1", the UID's bytes and the twelve symbols. */
    public String digest(Uid uid) {
        MessageDigest sha = sha256();
        sha.update(DOMAIN);
        sha.update(uid.bytes());
        sha.update(symbols.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Whether this is the code of {@code digestHex} for {@code uid}, compared in constant time. */
    public boolean matches(Uid uid, String digestHex) {
        if (digestHex == null) {
            return false;
        }
        return MessageDigest.isEqual(digest(uid).getBytes(StandardCharsets.US_ASCII),
                digestHex.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code XXXX-XXXX-XXXX}, as printed for the player. */
    public String printed() {
        return symbols.substring(0, 4) + "-" + symbols.substring(4, 8) + "-" + symbols.substring(8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebCode other && symbols.equals(other.symbols);
    }

    @Override
    public int hashCode() {
        return symbols.hashCode();
    }

    /** Not the code: a code in a log line would hand the toy to whoever reads the log. */
    @Override
    public String toString() {
        return "WebCode[****]";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
