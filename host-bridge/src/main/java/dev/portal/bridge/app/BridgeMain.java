package dev.portal.bridge.app;

import dev.portal.bridge.limits.InputLimits;
import dev.portal.link.TlsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
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

    @Option(names = "--password", description = "broker password (or set PORTAL_MQTT_PASSWORD)",
            defaultValue = "${env:PORTAL_MQTT_PASSWORD}")
    String password;

    @Option(names = "--data-dir", defaultValue = "var/bridge",
            description = "database and embedded-broker data (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "keep the state in this database instead of the SQLite file in --data-dir, "
                    + "e.g. jdbc:postgresql://db.local:5432/portal")
    String storeUrl;

    @Option(names = "--store-user", description = "database user name for --store")
    String storeUser;

    @Option(names = "--store-password", description = "database password for --store (or set PORTAL_STORE_PASSWORD)",
            defaultValue = "${env:PORTAL_STORE_PASSWORD}")
    String storePassword;

    @Option(names = "--shared", paramLabel = "GROUP",
            description = "subscribe to portal frames and toy update requests as shared subscriptions, so several "
                    + "bridges split them (give each its own --client-id)")
    String shared;

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

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            // HiveMQ's jar carries a logback.xml of its own; name ours explicitly.
            System.setProperty("logback.configurationFile", "portal-logback.xml");
        }
        CommandLine cli = new CommandLine(new BridgeMain());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("portal bridge: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BridgeConfig config = config();
        CountDownLatch stopped = new CountDownLatch(1);
        Bridge bridge = Bridge.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.close();
            stopped.countDown();
        }, "bridge-shutdown"));
        System.err.println("portal bridge: running on " + bridge.serverUri() + ", data in " + dataDir.toAbsolutePath()
                + " (Ctrl-C stops it)");
        stopped.await();
        return 0;
    }

    BridgeConfig config() throws Exception {
        String id = clientId != null ? clientId : "portal-bridge-" + InetAddress.getLocalHost().getHostName();
        String uri = broker != null ? broker : "tcp://127.0.0.1:" + port;
        Optional<TlsConfig> tlsConfig = Optional.empty();
        if (tls || tlsCa != null || uri.startsWith("ssl://")) {
            tlsConfig = Optional.of(tlsCa != null ? TlsConfig.trusting(tlsCa) : TlsConfig.jvmDefaults());
        }
        BrokerSettings mqtt = new BrokerSettings(uri, id, Optional.ofNullable(username),
                Optional.ofNullable(password).filter(p -> !p.isEmpty()).map(String::toCharArray), tlsConfig,
                broker == null, Duration.ofSeconds(10));
        BridgeConfig config = new BridgeConfig(mqtt, broker == null ? Optional.of(port) : Optional.empty(), dataDir,
                Optional.ofNullable(shared), Duration.ofMillis(reorderMillis), Duration.ofMillis(writeTimeoutMillis),
                Duration.ofSeconds(2), Duration.ofMillis(restartGraceMillis), Clock.systemUTC(), Optional.empty(),
                InputLimits.defaults());
        if (storeUrl != null) {
            if (!storeUrl.startsWith("jdbc:")) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--store takes a JDBC URL (jdbc:postgresql://HOST:PORT/DB), not " + storeUrl);
            }
            config = config.withStore(new BridgeConfig.StoreUrl(storeUrl, Optional.ofNullable(storeUser),
                    Optional.ofNullable(storePassword).filter(p -> !p.isEmpty())));
        }
        return config;
    }
}
