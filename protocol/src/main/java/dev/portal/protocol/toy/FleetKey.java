package dev.portal.protocol.toy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fleet secret: a 32-byte key shared by every portal of a product, used to authenticate toy records with
 * HMAC-SHA-256. Never printed: {@link #toString()} shows only {@link #id()}, a short fingerprint that lets a
 * technician tell two keys apart without revealing either.
 */
public final class FleetKey {

    public static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    private final SecretKeySpec spec;
    private final String id;

    private FleetKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("fleet key must be " + LENGTH + " bytes, got " + key.length);
        }
        boolean allSame = true;
        for (byte b : key) {
            allSame &= b == key[0];
        }
        if (allSame) {
            throw new IllegalArgumentException("fleet key is " + LENGTH + " identical bytes; generate a random key");
        }
        this.key = key.clone();
        this.spec = new SecretKeySpec(this.key, ALGORITHM);
        this.id = fingerprint(this.key);
    }

    /** The key made of exactly 32 bytes. */
    public static FleetKey of(byte[] key) {
        return new FleetKey(key.clone());
    }

    /** The key written as 64 hex digits (upper or lower case; surrounding white space ignored). */
    public static FleetKey fromHex(String hex) {
        String digits = hex.strip();
        if (digits.length() != 2 * LENGTH) {
            throw new IllegalArgumentException(
                    "fleet key must be " + 2 * LENGTH + " hex digits, got " + digits.length() + " characters");
        }
        try {
            return new FleetKey(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fleet key is not hexadecimal: " + e.getMessage(), e);
        }
    }

    /**
     * The key in {@code file}: either 64 hex digits (white space and a trailing newline allowed) or exactly 32
     * raw bytes.
     */
    public static FleetKey fromFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > 4096) {
            throw new IllegalArgumentException("fleet key file " + file + " is " + size + " bytes; expected 32 raw bytes or 64 hex digits");
        }
        byte[] content = Files.readAllBytes(file);
        if (content.length == LENGTH && !looksLikeHex(content)) {
            return new FleetKey(content);
        }
        String text = new String(content, StandardCharsets.US_ASCII).replaceAll("\\s+", "");
        try {
            return fromHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fleet key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean looksLikeHex(byte[] content) {
        for (byte b : content) {
            if (Character.digit(b, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A short public fingerprint of the key (8 hex digits), safe to log and show. */
    public String id() {
        return id;
    }

    /** A fresh HMAC-SHA-256 instance keyed with this key (Mac objects are not thread-safe, so one per use). */
    Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        }
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("portal fleet key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(key), 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleetKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "FleetKey[id=" + id + "]";
    }
}
