package dev.portal.studio.web;

import dev.portal.studio.account.WebSessions;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Who is asking, and whether a change may go ahead. The session cookie is HttpOnly and SameSite=Strict; every
 * change (any method but GET) must come from the studio's own origin and, once signed in, carry the session's
 * CSRF token in {@code X-CSRF-Token}. Every answer gets headers that keep the page from running anything but
 * its own files.
 */
final class Guard {
    static final String COOKIE = "portal_session";
    private static final String SESSION = "studio.session";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final WebSessions sessions;
    private final boolean secureCookie;

    Guard(WebSessions sessions, boolean secureCookie) {
        this.sessions = sessions;
        this.secureCookie = secureCookie;
    }

    /** Runs before every request. */
    void before(Context ctx) throws SQLException {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
        boolean change = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        if (change && !sameOrigin(ctx)) {
            throw Problem.forbidden("This request did not come from the studio's own page.");
        }
        var session = sessions.find(ctx.cookie(COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        if (change && session.isPresent() && !ctx.path().equals("/api/login") && !ctx.path().equals("/api/register")) {
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    session.get().csrf().getBytes(StandardCharsets.UTF_8))) {
                throw Problem.forbidden("The page is out of date. Reload it and try again.");
            }
        }
    }

    static boolean signedIn(Context ctx) {
        return ctx.attribute(SESSION) != null;
    }

    /** The signed-in session, or 401. */
    static WebSessions.Session session(Context ctx) {
        WebSessions.Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new Problem(401, "Sign in first.");
        }
        return session;
    }

    void signIn(Context ctx, WebSessions.Ticket ticket) {
        int maxAge = (int) Math.max(0, Duration.between(Instant.now(), ticket.expires()).toSeconds());
        ctx.cookie(new Cookie(COOKIE, ticket.token(), "/", maxAge, secureCookie, true, null, SameSite.STRICT));
    }

    void signOut(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secureCookie, true, null, SameSite.STRICT));
    }

    /**
     * A browser names the page a change comes from in Origin (or, failing that, Referer); it must be this
     * server. A request with neither is not from a browser page, which cannot forge them.
     */
    private static boolean sameOrigin(Context ctx) {
        String host = ctx.header("Host");
        String origin = ctx.header("Origin");
        if (origin == null) {
            String referer = ctx.header("Referer");
            if (referer == null) {
                return true;
            }
            origin = referer;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
