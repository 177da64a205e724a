package dev.portal.system.support;

import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.LinkException;
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
 * ports rewritten to a temporary directory; users are added with the shipped add-device script.
 */
public final class ShippedBroker implements AutoCloseable {
    public static final String PASSWORD = "test-password-";

    private final Mosquitto broker;
    private final int plainPort;
    private final int tlsPort;

    private ShippedBroker(Mosquitto broker, int plainPort, int tlsPort) {
        this.broker = broker;
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
    }

    public static Path root() {
        String root = System.getProperty("portal.root");
        Path p = root != null ? Path.of(root) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    /**
     * Starts the shipped configuration; {@code users} get the password {@code PASSWORD + user}. The TLS
     * listener needs ca.crt, broker.crt and broker.key in {@code dir/certs}.
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
        int tls = Ports.free();
        String conf = Files.readString(shipped.resolve("mosquitto.conf"))
                .replace("/etc/mosquitto/portal/", etc + "/")
                .replace("/var/lib/mosquitto/", dir.resolve("data") + "/")
                .replace("listener 1883 ", "listener " + plain + " ")
                .replace("listener 8883", "listener " + tls + " 127.0.0.1");
        Mosquitto broker = Mosquitto.startWithConfig(dir, conf, plain);
        if (!Ports.awaitListening(tls, java.time.Duration.ofSeconds(10))) {
            broker.close();
            throw new IOException("the TLS listener did not open; see " + broker.log());
        }
        return new ShippedBroker(broker, plain, tls);
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

    /** A client logged in as {@code user} (one of those the broker was started with) on the plain listener. */
    public MqttProbe login(String user) throws LinkException {
        return MqttProbe.connect(plainUri(), user + "-probe", user, PASSWORD + user, null);
    }

    public String plainUri() {
        return "tcp://127.0.0.1:" + plainPort;
    }

    public String tlsUri() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    @Override
    public void close() {
        broker.close();
    }
}
