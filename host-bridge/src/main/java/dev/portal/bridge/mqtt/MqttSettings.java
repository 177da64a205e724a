package dev.portal.bridge.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a broker.
 *
 * @param serverUri     tcp://host:port or ssl://host:port
 * @param tlsCaFile     PEM file of the CA that signed the broker's certificate; empty means the JVM's trust store
 * @param cleanSession  false keeps the bridge's subscriptions and queued messages at the broker across restarts
 * @param will          published by the broker if the link dies without a clean close
 */
public record MqttSettings(String serverUri, String clientId, Optional<String> username, Optional<char[]> password,
                           boolean tls, Optional<Path> tlsCaFile, boolean cleanSession, Duration connectTimeout,
                           Optional<Will> will) {

    public MqttSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        if (!serverUri.startsWith("tcp://") && !serverUri.startsWith("ssl://")) {
            throw new IllegalArgumentException("broker URI must start with tcp:// or ssl://: " + serverUri);
        }
    }

    public static MqttSettings plain(String serverUri, String clientId) {
        return new MqttSettings(serverUri, clientId, Optional.empty(), Optional.empty(), false, Optional.empty(),
                true, Duration.ofSeconds(10), Optional.empty());
    }

    public MqttSettings withWill(Will newWill) {
        return new MqttSettings(serverUri, clientId, username, password, tls, tlsCaFile, cleanSession,
                connectTimeout, Optional.of(newWill));
    }

    public MqttSettings withCleanSession(boolean clean) {
        return new MqttSettings(serverUri, clientId, username, password, tls, tlsCaFile, clean, connectTimeout, will);
    }

    public MqttSettings withClientId(String id) {
        return new MqttSettings(serverUri, id, username, password, tls, tlsCaFile, cleanSession, connectTimeout, will);
    }

    public boolean usesTls() {
        return tls || serverUri.startsWith("ssl://");
    }

    public record Will(String topic, byte[] payload, int qos, boolean retained) {
    }
}
