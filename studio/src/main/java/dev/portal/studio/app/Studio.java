package dev.portal.studio.app;

import dev.portal.link.BrokerLink;
import dev.portal.link.BrokerLinkBuilder;
import dev.portal.link.LinkException;
import dev.portal.link.TlsConfig;
import dev.portal.studio.account.Accounts;
import dev.portal.studio.account.PasswordHasher;
import dev.portal.studio.account.WebSessions;
import dev.portal.studio.design.BlockedWords;
import dev.portal.studio.design.Gallery;
import dev.portal.studio.design.NameRules;
import dev.portal.studio.design.UpgradeCatalogue;
import dev.portal.studio.game.GameApi;
import dev.portal.studio.game.LiveBoard;
import dev.portal.studio.game.PlayerRequests;
import dev.portal.studio.store.StudioDb;
import dev.portal.studio.web.LiveStream;
import dev.portal.studio.web.StudioServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** The studio put together: its database, its link to the bridge's game API, and its web server. */
public final class Studio implements AutoCloseable {
    private final StudioDb db;
    private final LiveStream live;
    private final GameApi api;
    private final StudioServer server;
    private final String host;

    private Studio(StudioDb db, LiveStream live, GameApi api, StudioServer server, String host) {
        this.db = db;
        this.live = live;
        this.api = api;
        this.server = server;
        this.host = host;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where a browser opens the studio. */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/";
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        try (db; api; server; live) {
            // closed in reverse: the live pages are told first (their connections end while the server still
            // runs), then the web server, the link, the database last
        }
    }

    /** How to start a studio. Only the broker and the data folder are required. */
    public static final class Builder {
        private String brokerUri;
        private String user;
        private char[] password;
        private TlsConfig tls;
        private Path dataDir;
        private String host = "127.0.0.1";
        private int port = 8080;
        private Clock clock = Clock.systemUTC();
        private Duration answerWithin = Duration.ofSeconds(5);
        private Duration sessionLifetime = Duration.ofDays(14);
        private boolean secureCookie;

        public Builder broker(String uri) {
            this.brokerUri = uri;
            return this;
        }

        public Builder credentials(String name, char[] secret) {
            this.user = name;
            this.password = secret.clone();
            return this;
        }

        public Builder tls(TlsConfig config) {
            this.tls = config;
            return this;
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Address and port to listen on (port 0: any free port). Default 127.0.0.1:8080. */
        public Builder listen(String address, int listenPort) {
            this.host = address;
            this.port = listenPort;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** How long a page waits for the bridge's answer before saying it is not answering. Default 5 s. */
        public Builder answerWithin(Duration d) {
            this.answerWithin = d;
            return this;
        }

        /** Mark the session cookie Secure: set when the studio is served over HTTPS (a reverse proxy). */
        public Builder secureCookie(boolean secure) {
            this.secureCookie = secure;
            return this;
        }

        public Studio start() throws Exception {
            Objects.requireNonNull(brokerUri, "broker");
            Objects.requireNonNull(dataDir, "dataDir");
            Files.createDirectories(dataDir);
            StudioDb db = StudioDb.open(dataDir.resolve("studio.db"));
            LiveStream live = new LiveStream();
            LiveBoard board = new LiveBoard(live::publish);
            GameApi api = null;
            try {
                api = GameApi.connect(link(), board, answerWithin, Duration.ofSeconds(10));
                BlockedWords blocked = BlockedWords.standard();
                Accounts accounts = new Accounts(db, new PasswordHasher(), clock);
                StudioServer.Parts parts = new StudioServer.Parts(accounts,
                        new WebSessions(db, accounts, clock, sessionLifetime), new Gallery(db, blocked, clock),
                        new PlayerRequests(api), board, live, new NameRules(blocked), UpgradeCatalogue.standard(),
                        clock, secureCookie);
                return new Studio(db, live, api, StudioServer.start(parts, host, port), host);
            } catch (Exception | Error e) {
                if (api != null) {
                    api.close();
                }
                live.close();
                db.close();
                throw e;
            }
        }

        private BrokerLinkBuilder link() throws LinkException {
            BrokerLinkBuilder builder = BrokerLink.builder().serverUri(brokerUri);
            if (user != null) {
                builder.credentials(user, password);
            }
            if (tls != null) {
                builder.tls(tls);
            }
            return builder;
        }
    }
}
