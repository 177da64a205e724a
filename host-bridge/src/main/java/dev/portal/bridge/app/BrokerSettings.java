package dev.portal.bridge.app;

import dev.portal.link.BrokerLink;
import dev.portal.link.BrokerLinkBuilder;
import dev.portal.link.ReconnectPolicy;
import dev.portal.link.TlsConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which broker the bridge (or a demo or bench client) uses and as whom.
 *
 * @param serverUri    tcp://host:port or ssl://host:port
 * @param tls          TLS material; empty means none for tcp:// and the JVM's CAs for ssl://
 * @param cleanSession false keeps the bridge's subscriptions and unacknowledged messages at the broker across
 *                     restarts (keep the client id the same then)
 */
public record BrokerSettings(String serverUri, String clientId, Optional<String> username, Optional<char[]> password,
                             Optional<TlsConfig> tls, boolean cleanSession, Duration connectTimeout) {

    public BrokerSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        if (!serverUri.startsWith("tcp://") && !serverUri.startsWith("ssl://")) {
            throw new IllegalArgumentException("broker URI must start with tcp:// or ssl://: " + serverUri);
        }
    }

    public static BrokerSettings plain(String serverUri, String clientId) {
        return new BrokerSettings(serverUri, clientId, Optional.empty(), Optional.empty(), Optional.empty(), true,
                Duration.ofSeconds(10));
    }

    public BrokerSettings withCleanSession(boolean clean) {
        return new BrokerSettings(serverUri, clientId, username, password, tls, clean, connectTimeout);
    }

    public BrokerSettings withClientId(String id) {
        return new BrokerSettings(serverUri, id, username, password, tls, cleanSession, connectTimeout);
    }

    public BrokerSettings withServerUri(String uri) {
        return new BrokerSettings(uri, clientId, username, password, tls, cleanSession, connectTimeout);
    }

    /**
     * A link builder with these settings filled in, reconnecting after 0.1 s, 0.2 s, then every 0.25 s; the caller
     * adds will and subscriptions. A bridge must be back on a restarted broker before the portals are (they wait
     * 0.5 s, 1 s, 2 s ...): a Mosquitto that restarted has no shared subscription until a bridge of the group
     * subscribes again, and what portals publish before that reaches nobody. A handful of bridges asking four
     * times a second costs the broker nothing.
     */
    public BrokerLinkBuilder linkBuilder() {
        BrokerLinkBuilder builder = BrokerLink.builder().serverUri(serverUri).clientId(clientId)
                .cleanSession(cleanSession).operationTimeout(connectTimeout)
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofMillis(250)));
        username.ifPresent(user -> builder.credentials(user, password.orElse(null)));
        tls.ifPresent(builder::tls);
        return builder;
    }
}
