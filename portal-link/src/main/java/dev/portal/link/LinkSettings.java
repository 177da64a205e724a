package dev.portal.link;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a {@link BrokerLinkBuilder} gathered; checked there. */
record LinkSettings(ServerAddress server, String clientId, Optional<String> username, Optional<byte[]> password,
                    Optional<TlsConfig> tls, boolean cleanSession, Duration keepAlive, ReconnectPolicy reconnect,
                    Optional<Will> will, int maxInFlight, Duration publishWait, Duration operationTimeout,
                    ConnectionListener listener, List<Subscription> subscriptions) {

    /** A subscription declared on the builder: routed before the first CONNACK, subscribed at connect. */
    record Subscription(TopicFilter filter, Qos qos, MessageHandler handler) {
    }
}
