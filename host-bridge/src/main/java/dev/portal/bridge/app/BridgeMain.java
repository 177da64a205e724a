package dev.portal.bridge.app;

import dev.portal.link.PasswordFile;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.bridge.limits.InputLimits;
import dev.portal.link.TlsConfig;
import dev.portal.bridge.homeassistant.DiscoveryPrefix;
import dev.portal.bridge.metrics.MetricsServer;
import dev.portal.bridge.telemetry.LogFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code scripts/bridge}: runs the host bridge until stopped (Ctrl-C or SIGTERM). */
@Command(name = "bridge", mixinStandardHelpOptions = true, version = "portal bridge 0.1.0",
        description = "Decodes portal frames from MQTT, keeps toy and portal state in SQLite (or the --store "
                + "database) and serves game servers JSON topics (game/#). Without --broker it starts an embedded "
                + "broker on --port.")
public final class BridgeMain implements Callable<Integer> {

    /** A password in a JDBC URL: {@code password=} among its parameters, or {@code user:password@} before the host. */
    private static final java.util.regex.Pattern JDBC_URL_SECRET =
            java.util.regex.Pattern.compile("(?i)[?&;]password=|//[^/@]*:[^/@]*@");

    @Option(names = "--broker", paramLabel = "URI", description = "existing broker, tcp://HOST:PORT or ssl://HOST:PORT")
    String broker;

    @Option(names = "--port", defaultValue = "1883", description = "port of the embedded broker (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--tls", description = "use TLS to the broker (implied by ssl://)")
    boolean tls;

    @Option(names = "--tls-ca", paramLabel = "FILE", description = "CA certificate (PEM) that signed the broker's certificate")
    Path tlsCa;

    @Option(names = "--username", description = "broker user name")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "file holding the broker password (or set PORTAL_MQTT_PASSWORD); never on the command line")
    Path passwordFile;

    @Option(names = "--data-dir", defaultValue = "var/bridge",
            description = "database and embedded-broker data (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "keep the state in this database instead of the SQLite file in --data-dir, "
                    + "e.g. jdbc:postgresql://db.local:5432/portal")
    String storeUrl;

    @Option(names = "--store-user", description = "database user name for --store")
    String storeUser;

    @Option(names = "--store-password-file", paramLabel = "FILE",
            description = "file holding the database password for --store (or set PORTAL_STORE_PASSWORD)")
    Path storePasswordFile;

    @Option(names = "--toy-key-file", paramLabel = "FILE",
            description = "the toy key (64 hex digits or 32 bytes; keep it root-only): the bridge is the only maker of "
                    + "toy records, portals hold no key. Without it every toy is UNKNOWN and none is written.")
    Path toyKeyFile;

    @Option(names = "--shared", paramLabel = "GROUP",
            description = "subscribe to portal frames and toy update requests as shared subscriptions, so several "
                    + "bridges split them (give each its own --client-id)")
    String shared;

    @Option(names = "--shared-wait-ms", defaultValue = "30000",
            description = "with --shared: how long a frame waits, parked in the database, for earlier ones another "
                    + "bridge holds (a killed bridge's share waits for it on Mosquitto) before the gap is given up")
    long sharedWaitMillis;

    @Option(names = "--client-id", description = "MQTT client id (default portal-bridge-HOST)")
    String clientId;

    @Option(names = "--reorder-ms", defaultValue = "500",
            description = "how long an early frame waits for missing ones before a rebirth is requested")
    long reorderMillis;

    @Option(names = "--restart-grace-ms", defaultValue = "3000",
            description = "how long a restarted portal has to announce the toys still on it before their placements close")
    long restartGraceMillis;

    @Option(names = "--write-timeout-ms", defaultValue = "5000", description = "how long a tag write may take")
    long writeTimeoutMillis;

    @Option(names = "--metrics-port", defaultValue = "9480",
            description = "serve /metrics (Prometheus text format) on this port (default ${DEFAULT-VALUE}); 0 turns it off")
    int metricsPort;

    @Option(names = "--metrics-address", defaultValue = "127.0.0.1",
            description = "address the metrics page listens on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String metricsAddress;

    @Option(names = "--homeassistant", arity = "0..1", fallbackValue = "homeassistant", paramLabel = "PREFIX",
            description = "publish Home Assistant MQTT discovery configs under PREFIX (default homeassistant); "
                    + "without it, configs an earlier run published are removed")
    String homeAssistantPrefix;

    @Option(names = "--log-format", paramLabel = "text|json",
            description = "text (the default) or json: one JSON object a line, for a log shipper")
    LogFormat logFormat = LogFormat.TEXT;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            // HiveMQ's jar carries a logback.xml of its own; name ours explicitly.
            System.setProperty("logback.configurationFile", "portal-logback.xml");
        }
        CommandLine cli = new CommandLine(new BridgeMain()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("portal bridge: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        logFormat.install();
        BridgeConfig config = config();
        CountDownLatch stopped = new CountDownLatch(1);
        Bridge bridge = Bridge.start(config, Optional.ofNullable(homeAssistantPrefix).map(DiscoveryPrefix::of));
        Optional<MetricsServer> metrics;
        try {
            metrics = metricsPort == 0 ? Optional.empty() : Optional.of(MetricsServer.start(
                    new InetSocketAddress(InetAddress.getByName(metricsAddress), metricsPort), bridge.metrics().registry()));
        } catch (java.io.IOException e) {
            bridge.close(); // a port in use: the bridge stops cleanly rather than run without the page it was told to serve
            throw new java.io.IOException("cannot serve metrics on " + metricsAddress + ":" + metricsPort + ": " + e, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            metrics.ifPresent(MetricsServer::close);
            bridge.close();
            stopped.countDown();
        }, "bridge-shutdown"));
        System.err.println("portal bridge: running on " + bridge.serverUri() + ", data in " + dataDir.toAbsolutePath()
                + metrics.map(m -> ", metrics on http://" + metricsAddress + ":" + m.port() + "/metrics").orElse("")
                + " (Ctrl-C stops it)");
        stopped.await();
        return 0;
    }

    /** A password from its file, else from the environment variable, else none. */
    private static Optional<char[]> secret(Path file, String variable) throws java.io.IOException {
        if (file != null) {
            return Optional.of(PasswordFile.read(file));
        }
        return Optional.ofNullable(System.getenv(variable)).filter(p -> !p.isEmpty()).map(String::toCharArray);
    }

    private Optional<FleetKey> toyKey() throws java.io.IOException {
        return toyKeyFile == null ? Optional.empty() : Optional.of(FleetKey.fromFile(toyKeyFile));
    }

    BridgeConfig config() throws Exception {
        String id = clientId != null ? clientId : "portal-bridge-" + InetAddress.getLocalHost().getHostName();
        String uri = broker != null ? broker : "tcp://127.0.0.1:" + port;
        Optional<TlsConfig> tlsConfig = Optional.empty();
        if (tls || tlsCa != null || uri.startsWith("ssl://")) {
            tlsConfig = Optional.of(tlsCa != null ? TlsConfig.trusting(tlsCa) : TlsConfig.jvmDefaults());
        }
        BrokerSettings mqtt = new BrokerSettings(uri, id, Optional.ofNullable(username),
                secret(passwordFile, "PORTAL_MQTT_PASSWORD"), tlsConfig,
                broker == null, Duration.ofSeconds(10));
        BridgeConfig config = new BridgeConfig(mqtt, broker == null ? Optional.of(port) : Optional.empty(), dataDir,
                Optional.ofNullable(shared), Duration.ofMillis(reorderMillis), Duration.ofMillis(writeTimeoutMillis),
                Duration.ofSeconds(2), Duration.ofMillis(restartGraceMillis), Clock.systemUTC(), Optional.empty(),
                toyKey(), InputLimits.defaults(), Duration.ofMillis(sharedWaitMillis));
        if (shared != null && (storeUrl == null || !storeUrl.startsWith("jdbc:postgresql:"))) {
            // Bridges of a group agree on each portal's stream through PostgreSQL's locks; an SQLite file has one
            // writer and no such locks, and a bridge's own file would be a second copy of the truth.
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--shared needs --store jdbc:postgresql://...: bridges of a group share one PostgreSQL database");
        }
        if (storeUrl != null) {
            if (!storeUrl.startsWith("jdbc:")) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--store takes a JDBC URL (jdbc:postgresql://HOST:PORT/DB)");
            }
            if (JDBC_URL_SECRET.matcher(storeUrl).find()) {
                // The URL is logged and shown in errors; a password inside it would be too.
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--store must not hold a password: give it with --store-password-file or PORTAL_STORE_PASSWORD");
            }
            config = config.withStore(new BridgeConfig.StoreUrl(storeUrl, Optional.ofNullable(storeUser),
                    secret(storePasswordFile, "PORTAL_STORE_PASSWORD").map(String::new)));
        }
        return config;
    }
}
