package dev.portal.studio.web;

import dev.portal.studio.account.Accounts;
import dev.portal.studio.account.WebSessions;
import dev.portal.studio.design.Gallery;
import dev.portal.studio.design.NameRules;
import dev.portal.studio.design.UpgradeCatalogue;
import dev.portal.studio.game.LiveBoard;
import dev.portal.studio.game.PlayerRequests;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The studio's HTTP side on Javalin (Jetty 12 underneath): the page's files from the jar, a JSON API, and the
 * live stream as server-sent events. Javalin because it is small, maintained, has server-sent events built in
 * and needs no container or code generation; Jetty under it is what serves real traffic.
 */
public final class StudioServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StudioServer.class);
    /** The largest request body: the biggest form (a design) is well under 1 KB. */
    static final long MAX_BODY = 16 * 1024;

    /** What the server needs; built by {@code Studio}. */
    public record Parts(Accounts accounts, WebSessions sessions, Gallery gallery, PlayerRequests bridge,
                        LiveBoard board, LiveStream live, NameRules names, UpgradeCatalogue upgrades, Clock clock,
                        boolean secureCookie) {
    }

    private final Javalin app;

    private StudioServer(Javalin app) {
        this.app = app;
    }

    /** Starts serving on {@code host:port} (0: a free port). */
    public static StudioServer start(Parts parts, String host, int port) {
        Guard guard = new Guard(parts.sessions(), parts.secureCookie());
        Clock clock = parts.clock();
        AttemptLimiter byName = new AttemptLimiter(5, Duration.ofMinutes(1), 10_000, clock);
        AttemptLimiter byAddress = new AttemptLimiter(30, Duration.ofMinutes(1), 10_000, clock);
        AttemptLimiter claims = new AttemptLimiter(5, Duration.ofMinutes(1), 10_000, clock);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY;
            config.jsonMapper(new JavalinJackson(Bodies.JSON, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/studio/public";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
            var routes = config.routes;
            routes.before(guard::before);
            routes.exception(Problem.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
            routes.exception(SQLException.class, (e, ctx) -> {
                LOG.warn("studio database: {}", e.toString());
                ctx.status(503).json(Map.of("error", "The studio cannot reach its database just now. Try again."));
            });
            new AuthRoutes(parts.accounts(), parts.sessions(), guard, byName, byAddress).register(routes);
            new ToyRoutes(parts.bridge(), parts.board(), parts.names(), parts.upgrades(), claims).register(routes);
            new GalleryRoutes(parts.gallery(), parts.bridge(), parts.board()).register(routes);
            new AccountRoutes(parts.accounts(), parts.gallery(), parts.bridge(), guard, clock).register(routes);
            routes.sse("/api/live", client -> {
                if (!Guard.signedIn(client.ctx())) {
                    client.sendEvent("denied", "{\"error\":\"Sign in first.\"}");
                    client.close();
                    return;
                }
                parts.live().attach(client, parts.board()::snapshot);
            });
        });
        app.start(host, port);
        return new StudioServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
