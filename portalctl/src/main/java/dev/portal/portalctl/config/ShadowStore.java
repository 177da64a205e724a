package dev.portal.portalctl.config;

import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.link.Topic;
import dev.portal.portalctl.link.Broker;
import dev.portal.portalctl.link.Portals;
import java.time.Duration;
import java.util.Optional;

/** Where the configuration shadow lives: retained on the broker, or nowhere (serial: one-off changes). */
public interface ShadowStore {
    Optional<ConfigShadow> load() throws InterruptedException;

    void save(ConfigShadow shadow);

    /** Retained JSON on {@code portal/{id}/config/shadow}, so every technician and tool sees the same desired state. */
    static ShadowStore retained(BrokerLink broker, String deviceId, Duration timeout) {
        Topic topic = PortalTopics.configShadow(DeviceId.of(deviceId));
        return new ShadowStore() {
            @Override
            public Optional<ConfigShadow> load() throws InterruptedException {
                return Portals.retained(broker, topic, Duration.ofMillis(300)).map(ConfigShadow::fromJson);
            }

            @Override
            public void save(ConfigShadow shadow) {
                Broker.publish(broker, topic, Portals.toJson(shadow.toJson()), true, timeout);
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
