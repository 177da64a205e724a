package dev.portal.studio.account;

import dev.portal.studio.store.StudioDb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signed-in browsers. The cookie carries 256 random bits; the database keeps only their SHA-256, so a copy of
 * the database signs nobody in. Each session has its own CSRF token, which every change must send back in a
 * header (a page on another site can make the browser send the cookie, not read the token).
 */
public final class WebSessions {
    /** A session as the browser holds it: the cookie value and the CSRF token. */
    public record Ticket(String token, String csrf, Instant expires) {
    }

    /** A session found from its cookie. */
    public record Session(Account account, String csrf) {
    }

    private final StudioDb db;
    private final Accounts accounts;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public WebSessions(StudioDb db, Accounts accounts, Clock clock, Duration lifetime) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Ticket open(Account account) throws SQLException {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        db.tx(c -> {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM web_session WHERE expires_ms < ?")) {
                purge.setLong(1, now.toEpochMilli());
                purge.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO web_session (token_hash, account_id, csrf, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, digest(token));
                s.setString(2, account.playerId());
                s.setString(3, csrf);
                s.setLong(4, now.toEpochMilli());
                s.setLong(5, expires.toEpochMilli());
                return s.executeUpdate();
            }
        });
        return new Ticket(token, csrf, expires);
    }

    public Optional<Session> find(String token) throws SQLException {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        Optional<String[]> row = db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT account_id, csrf FROM web_session WHERE token_hash = ? AND expires_ms >= ?")) {
                s.setString(1, digest(token));
                s.setLong(2, now);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new String[] {r.getString(1), r.getString(2)}) : Optional.empty();
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return accounts.byPlayerId(row.get()[0]).map(account -> new Session(account, row.get()[1]));
    }

    public void close(String token) throws SQLException {
        if (token == null) {
            return;
        }
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM web_session WHERE token_hash = ?")) {
                s.setString(1, digest(token));
                return s.executeUpdate();
            }
        });
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
