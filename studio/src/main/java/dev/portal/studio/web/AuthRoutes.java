package dev.portal.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.studio.account.Account;
import dev.portal.studio.account.AccountException;
import dev.portal.studio.account.Accounts;
import dev.portal.studio.account.WebSessions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Register, sign in, sign out, and "who am I" (which also hands the page its CSRF token). */
final class AuthRoutes {
    private final Accounts accounts;
    private final WebSessions sessions;
    private final Guard guard;
    private final AttemptLimiter loginsByName;
    private final AttemptLimiter loginsByAddress;

    AuthRoutes(Accounts accounts, WebSessions sessions, Guard guard, AttemptLimiter loginsByName,
               AttemptLimiter loginsByAddress) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.guard = guard;
        this.loginsByName = loginsByName;
        this.loginsByAddress = loginsByAddress;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/me", this::me);
        routes.post("/api/register", this::signUp);
        routes.post("/api/login", this::login);
        routes.post("/api/logout", this::logout);
    }

    private void me(Context ctx) {
        WebSessions.Session session = Guard.session(ctx);
        ctx.json(Map.of("name", session.account().name(), "csrf", session.csrf()));
    }

    private void signUp(Context ctx) throws SQLException {
        JsonNode body = Bodies.object(ctx);
        limit(loginsByAddress, "address:" + ctx.ip());
        try {
            Account account = accounts.register(Bodies.text(body, "name", 64), Bodies.text(body, "password", 200));
            start(ctx, account);
        } catch (AccountException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private void login(Context ctx) throws SQLException {
        JsonNode body = Bodies.object(ctx);
        String name = Bodies.text(body, "name", 64);
        limit(loginsByAddress, "address:" + ctx.ip());
        limit(loginsByName, "name:" + name.toLowerCase(Locale.ROOT));
        Optional<Account> account = accounts.authenticate(name, Bodies.text(body, "password", 200));
        if (account.isEmpty()) {
            throw new Problem(401, "That name and password do not match an account.");
        }
        start(ctx, account.get());
    }

    private void logout(Context ctx) throws SQLException {
        sessions.close(ctx.cookie(Guard.COOKIE));
        guard.signOut(ctx);
        ctx.json(Map.of("signedOut", true));
    }

    private void start(Context ctx, Account account) throws SQLException {
        WebSessions.Ticket ticket = sessions.open(account);
        guard.signIn(ctx, ticket);
        ctx.json(Map.of("name", account.name(), "csrf", ticket.csrf()));
    }

    static void limit(AttemptLimiter limiter, String key) {
        if (!limiter.tryAcquire(key)) {
            throw new Problem(429, "Too many attempts. Wait " + limiter.retryAfterSeconds(key)
                    + " seconds and try again.");
        }
    }
}
