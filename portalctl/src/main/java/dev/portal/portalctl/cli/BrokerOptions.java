package dev.portal.portalctl.cli;

import dev.portal.link.PasswordFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How to reach the broker: URI, credentials, TLS material, timeouts. Shared by every MQTT command. */
public final class BrokerOptions {
    @Option(names = "--broker", defaultValue = "${env:PORTAL_BROKER:-tcp://127.0.0.1:1883}",
            description = "Broker URI, tcp://HOST:PORT or ssl://HOST:PORT (default: $PORTAL_BROKER or ${DEFAULT-VALUE}).")
    public String broker;

    @Option(names = "--username", description = "Broker user name.")
    public String username;

    @Option(names = "--password-file", description = "File holding the broker password (or set $PORTAL_PASSWORD);"
            + " a password is never taken on the command line, where ps shows it.")
    public Path passwordFile;

    @Option(names = "--ca-file", description = "PEM CA certificate(s) to trust for TLS (default: the JDK's CAs).")
    public Path caFile;

    @Option(names = "--cert", description = "PEM client certificate chain for TLS client authentication.")
    public Path certFile;

    @Option(names = "--client-key", description = "PEM PKCS#8 private key for --cert.")
    public Path clientKeyFile;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to wait for the broker and for each device answer (e.g. 10s, 500ms, 2m; default ${DEFAULT-VALUE}).")
    public Duration timeout;

    public boolean tls() {
        return broker.startsWith("ssl://") || caFile != null || certFile != null;
    }

    public Optional<char[]> passwordChars() throws java.io.IOException {
        if (passwordFile != null) {
            return Optional.of(PasswordFile.read(passwordFile));
        }
        return Optional.ofNullable(System.getenv("PORTAL_PASSWORD")).filter(p -> !p.isEmpty())
                .map(String::toCharArray);
    }
}
