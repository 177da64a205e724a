package dev.portal.studio.account;

import dev.portal.studio.store.StudioDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountsTest {
    @TempDir
    Path dir;
    StudioDb db;
    Accounts accounts;

    @BeforeEach
    void open() throws Exception {
        db = StudioDb.open(dir.resolve("studio.db"));
        accounts = new Accounts(db, new PasswordHasher(), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void thePasswordIsKeptOnlyAsAnArgon2idHash() throws Exception {
        Account ada = accounts.register("ada", "correct horse battery");
        String stored = db.tx(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT password_hash FROM account")) {
                r.next();
                return r.getString(1);
            }
        });
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertFalse(stored.contains("correct horse"), stored);
        assertEquals(ada, accounts.authenticate("ADA", "correct horse battery").orElseThrow(), "names ignore case");
        assertTrue(accounts.authenticate("ada", "correct horse batterY").isEmpty());
        assertTrue(accounts.authenticate("nobody", "correct horse battery").isEmpty());
        assertTrue(ada.playerId().matches("p-[0-9a-f]{24}"), "the bridge gets an opaque id, never the name");
    }

    @Test
    void namesArePlainAndUniqueAndPasswordsLongEnough() {
        assertThrows(AccountException.class, () -> accounts.register("a", "correct horse battery"));
        assertThrows(AccountException.class, () -> accounts.register("<b>x</b>", "correct horse battery"));
        assertThrows(AccountException.class, () -> accounts.register("bob", "short"));
        assertThrows(AccountException.class, () -> accounts.register("bob", "x".repeat(129)));
    }

    @Test
    void aTakenNameIsRefusedWhateverItsCase() throws Exception {
        accounts.register("Ada", "correct horse battery");
        AccountException e = assertThrows(AccountException.class, () -> accounts.register("ada", "another password!"));
        assertEquals("That name is taken; choose another.", e.getMessage());
    }

    @Test
    void aSessionKnowsItsPlayerUntilItEndsOrTheAccountGoes() throws Exception {
        Account ada = accounts.register("ada", "correct horse battery");
        WebSessions sessions = new WebSessions(db, accounts, Clock.systemUTC(), Duration.ofDays(1));
        WebSessions.Ticket ticket = sessions.open(ada);
        assertEquals(ada, sessions.find(ticket.token()).orElseThrow().account());
        assertEquals(ticket.csrf(), sessions.find(ticket.token()).orElseThrow().csrf());
        assertTrue(sessions.find(ticket.token() + "x").isEmpty());
        accounts.delete(ada);
        assertTrue(sessions.find(ticket.token()).isEmpty(), "deleting the account ends its sessions");
    }
}
