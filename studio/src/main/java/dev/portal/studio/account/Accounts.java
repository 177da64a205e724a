package dev.portal.studio.account;

import dev.portal.studio.store.StudioDb;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** Players' accounts: a name, an Argon2id password hash, and the opaque player id the bridge knows them by. */
public final class Accounts {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;

    private final StudioDb db;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Accounts(StudioDb db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Account register(String name, String password) throws AccountException, SQLException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountException("A name is 3 to 32 letters, digits, dots, dashes or underscores.");
        }
        checkPassword(password);
        byte[] id = new byte[12];
        random.nextBytes(id);
        // stored to the millisecond: the account returned is the one read back later
        Account account = new Account("p-" + HexFormat.of().formatHex(id), name,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        String hash = hasher.hash(password);
        boolean inserted = db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO account (id, name, password_hash, created_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, account.playerId());
                s.setString(2, name);
                s.setString(3, hash);
                s.setLong(4, account.created().toEpochMilli());
                return s.executeUpdate() == 1;
            }
        });
        if (!inserted) {
            throw new AccountException("That name is taken; choose another.");
        }
        return account;
    }

    /** The account when the name and password match; empty otherwise, after the same work either way. */
    public Optional<Account> authenticate(String name, String password) throws SQLException {
        if (name == null || password == null || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        Optional<Stored> stored = find("name", name);
        if (stored.isEmpty()) {
            hasher.spendCheckTime(password);
            return Optional.empty();
        }
        return hasher.matches(password, stored.get().hash) ? Optional.of(stored.get().account) : Optional.empty();
    }

    public Optional<Account> byPlayerId(String playerId) throws SQLException {
        return find("id", playerId).map(Stored::account);
    }

    /** True when {@code password} is this account's: asked again before the account is deleted. */
    public boolean confirm(Account account, String password) throws SQLException {
        if (password == null || password.length() > MAX_PASSWORD) {
            return false;
        }
        return find("id", account.playerId()).map(s -> hasher.matches(password, s.hash)).orElse(false);
    }

    /** Deletes the account with its sessions and designs (the database cascades). */
    public void delete(Account account) throws SQLException {
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM account WHERE id = ?")) {
                s.setString(1, account.playerId());
                return s.executeUpdate();
            }
        });
    }

    private record Stored(Account account, String hash) {
    }

    private Optional<Stored> find(String column, String value) throws SQLException {
        return db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, name, password_hash, created_ms FROM account WHERE " + column + " = ?")) {
                s.setString(1, value);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    Account account = new Account(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(4)));
                    return Optional.of(new Stored(account, r.getString(3)));
                }
            }
        });
    }

    private static void checkPassword(String password) throws AccountException {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new AccountException("A password has at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new AccountException("A password has at most " + MAX_PASSWORD + " characters.");
        }
    }
}
