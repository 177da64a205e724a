package dev.portal.system.support;

import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.LinkException;
import dev.portal.link.TlsConfig;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto on the shipped example scripts/mosquitto/mosquitto.conf and acl, with only the install paths and
 * ports rewritten to a temporary directory; users are added with the shipped add-device script. Its three
 * listeners: plain MQTT on loopback and TLS for the roles (bridge, technician, game server), TLS for portals.
 */
public final class ShippedBroker implements AutoCloseable {
    public static final String PASSWORD = "test-password-";
    /** The user names the shipped acl gives a role; every other user is a portal. */
    public static final List<String> ROLES = List.of("portal-bridge", "portal-tech", "game-server", "home-assistant");

    private final Mosquitto broker;
    private final Path ca;
    private final int plainPort;
    private final int portalPort;
    private final int serviceTlsPort;

    private ShippedBroker(Mosquitto broker, Path ca, int plainPort, int portalPort, int serviceTlsPort) {
        this.broker = broker;
        this.ca = ca;
        this.plainPort = plainPort;
        this.portalPort = portalPort;
        this.serviceTlsPort = serviceTlsPort;
    }

    public static Path root() {
        String root = System.getProperty("portal.root");
        Path p = root != null ? Path.of(root) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    /**
     * Starts the shipped configuration; {@code users} get the password {@code PASSWORD + user}. The TLS
     * listeners need ca.crt, broker.crt and broker.key in {@code dir/certs}.
     */
    public static ShippedBroker start(Path dir, List<String> users) throws IOException, InterruptedException {
        Path etc = dir.resolve("etc");
        Files.createDirectories(etc.resolve("certs"));
        Files.createDirectories(dir.resolve("data"));
        Path shipped = root().resolve("scripts/mosquitto");
        Files.copy(shipped.resolve("acl"), etc.resolve("acl"));
        for (String user : users) {
            addDevice(etc.resolve("passwd"), user);
        }
        if (Files.exists(dir.resolve("certs"))) {
            for (String f : List.of("ca.crt", "broker.crt", "broker.key")) {
                Files.copy(dir.resolve("certs").resolve(f), etc.resolve("certs").resolve(f));
            }
        }
        int plain = Ports.free();
        int portal = Ports.free();
        int serviceTls = Ports.free();
        String conf = Files.readString(shipped.resolve("mosquitto.conf"))
                .replace("/etc/mosquitto/portal/", etc + "/")
                .replace("/var/lib/mosquitto/", dir.resolve("data") + "/")
                .replace("listener 1883 ", "listener " + plain + " ")
                .replace("listener 8883", "listener " + portal + " 127.0.0.1")
                .replace("listener 8884", "listener " + serviceTls + " 127.0.0.1");
        Mosquitto broker = Mosquitto.startWithConfig(dir, conf, plain);
        for (int tls : List.of(portal, serviceTls)) {
            if (!Ports.awaitListening(tls, Duration.ofSeconds(10))) {
                broker.close();
                throw new IOException("the TLS listener on " + tls + " did not open; see " + broker.log());
            }
        }
        return new ShippedBroker(broker, etc.resolve("certs/ca.crt"), plain, portal, serviceTls);
    }

    /** Runs scripts/mosquitto/add-device for one user. */
    public static void addDevice(Path passwordFile, String user) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(root().resolve("scripts/mosquitto/add-device").toString(),
                passwordFile.toString(), user).redirectErrorStream(true);
        pb.environment().put("PORTAL_DEVICE_PASSWORD", PASSWORD + user);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("add-device " + user + " failed: " + out);
        }
    }

    /** The bridge's login on the plain listener (user portal-bridge), without TLS. */
    public BrokerSettings bridgeSettings(String clientId) {
        return new BrokerSettings(plainUri(), clientId, Optional.of("portal-bridge"),
                Optional.of((PASSWORD + "portal-bridge").toCharArray()), Optional.empty(), false, Duration.ofSeconds(10));
    }

    /**
     * A client logged in as {@code user} (one of those the broker was started with) where that user belongs:
     * a role on the plain listener, a portal on the portals' TLS listener.
     */
    public MqttProbe login(String user) throws LinkException {
        return login(user, user + "-probe");
    }

    /** {@link #login(String)} with the client id {@code clientId}. */
    public MqttProbe login(String user, String clientId) throws LinkException {
        return ROLES.contains(user)
                ? MqttProbe.connect(plainUri(), clientId, user, PASSWORD + user, null)
                : MqttProbe.connect(portalUri(), clientId, user, PASSWORD + user, tls());
    }

    /** The CA the TLS listeners' certificate is checked against. */
    public TlsConfig tls() {
        return TlsConfig.trusting(ca);
    }

    /** Plain MQTT on loopback: the roles on the broker's own host. */
    public String plainUri() {
        return "tcp://127.0.0.1:" + plainPort;
    }

    /** The portals' TLS listener (8883 shipped), where a client id is its user name. */
    public String portalUri() {
        return "ssl://127.0.0.1:" + portalPort;
    }

    /** The roles' TLS listener (8884 shipped), for bridges, game servers and technicians elsewhere. */
    public String serviceTlsUri() {
        return "ssl://127.0.0.1:" + serviceTlsPort;
    }

    @Override
    public void close() {
        broker.close();
    }
}
