package dev.portal.portalctl.config;

import dev.portal.portalctl.link.BrokerConnection;
import dev.portal.portalctl.link.Portals;
import java.time.Duration;
import java.util.Optional;

/** Where the configuration shadow lives: retained on the broker, or nowhere (serial: one-off changes). */
public interface ShadowStore {
    Optional<ConfigShadow> load() throws InterruptedException;

    void save(ConfigShadow shadow);

    /** Retained JSON on {@code portal/{id}/config/shadow}, so every technician and tool sees the same desired state. */
    static ShadowStore retained(BrokerConnection broker, String deviceId) {
        String topic = "portal/" + deviceId + "/config/shadow";
        return new ShadowStore() {
            @Override
            public Optional<ConfigShadow> load() throws InterruptedException {
                return Portals.retained(broker, topic, Duration.ofMillis(300)).map(ConfigShadow::fromJson);
            }

            @Override
            public void save(ConfigShadow shadow) {
                broker.publish(topic, Portals.toJson(shadow.toJson()), true);
            }
        };
    }

    static ShadowStore none() {
        return new ShadowStore() {
            @Override
            public Optional<ConfigShadow> load() {
                return Optional.empty();
            }

            @Override
            public void save(ConfigShadow shadow) {
            }
        };
    }
}
