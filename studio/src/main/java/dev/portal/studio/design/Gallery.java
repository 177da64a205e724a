package dev.portal.studio.design;

import dev.portal.studio.account.Account;
import dev.portal.studio.account.AccountException;
import dev.portal.studio.store.StudioDb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared looks. A design belongs to its author's account and goes with it when the account is deleted. */
public final class Gallery {
    static final int MAX_TITLE = 40;
    /** Newest first, at most this many on the page. */
    static final int PAGE = 60;

    private final StudioDb db;
    private final BlockedWords blocked;
    private final Clock clock;

    public Gallery(StudioDb db, BlockedWords blocked, Clock clock) {
        this.db = db;
        this.blocked = blocked;
        this.clock = clock;
    }

    public Design share(Account author, String title, int toyType, Look look) throws AccountException, SQLException {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE
                || title.codePoints().anyMatch(Character::isISOControl)) {
            throw new AccountException("A title is 1 to " + MAX_TITLE + " characters.");
        }
        if (blocked.find(title).isPresent()) {
            throw new AccountException("That title contains a word we don't allow. Please choose another.");
        }
        Instant now = clock.instant();
        long id = db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO design (account_id, title, toy_type, "
                    + "primary_rgb, secondary_rgb, accent_rgb, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                s.setString(1, author.playerId());
                s.setString(2, title.strip());
                s.setInt(3, toyType);
                s.setString(4, look.primary());
                s.setString(5, look.secondary());
                s.setString(6, look.accent());
                s.setLong(7, now.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
        return new Design(id, title.strip(), author.name(), toyType, look, now);
    }

    public List<Design> newest() throws SQLException {
        return query("ORDER BY d.id DESC LIMIT " + PAGE, null);
    }

    public List<Design> by(Account author) throws SQLException {
        return query("AND d.account_id = ? ORDER BY d.id DESC", author.playerId());
    }

    public Optional<Design> find(long id) throws SQLException {
        return query("AND d.id = " + id, null).stream().findFirst();
    }

    private List<Design> query(String tail, String parameter) throws SQLException {
        return db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT d.id, d.title, a.name, d.toy_type, d.primary_rgb, "
                    + "d.secondary_rgb, d.accent_rgb, d.created_ms FROM design d JOIN account a ON a.id = d.account_id "
                    + "WHERE 1 = 1 " + tail)) {
                if (parameter != null) {
                    s.setString(1, parameter);
                }
                List<Design> designs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        designs.add(new Design(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4),
                                new Look(r.getString(5), r.getString(6), r.getString(7)),
                                Instant.ofEpochMilli(r.getLong(8))));
                    }
                }
                return designs;
            }
        });
    }
}
