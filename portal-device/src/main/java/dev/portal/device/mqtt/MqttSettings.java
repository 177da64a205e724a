package dev.portal.device.mqtt;

import dev.portal.link.TlsConfig;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the broker. {@code clientId} stays the same across reconnects and restarts: the persistent
 * session (cleanSession=false) that keeps commands queued while the portal is away is bound to it.
 */
public record MqttSettings(String serverUri, String clientId, Optional<String> username, Optional<char[]> password,
                           Optional<TlsConfig> tls, Duration keepAlive, Duration connectTimeout, int maxInflight,
                           Duration backoffMin, Duration backoffMax) {
}
