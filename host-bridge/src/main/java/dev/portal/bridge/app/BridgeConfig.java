package dev.portal.bridge.app;

import dev.portal.protocol.toy.FleetKey;
import dev.portal.bridge.limits.InputLimits;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a bridge needs to run.
 *
 * @param mqtt          the broker to use; ignored (replaced by the embedded broker's address) when embeddedPort is set
 * @param embeddedPort  start an embedded broker on this loopback port
 * @param sharedGroup   subscribe to portal frames as $share/GROUP/... so several bridges split the portals
 * @param reorderWindow how long an early frame waits for the missing ones before the bridge asks for a rebirth
 * @param writeTimeout  how long a tag write may take before the game server is told "timeout"
 * @param restartGrace  how long a restarted portal has to announce the toys still on it before their
 *                      placements are closed (reason portal-restarted)
 * @param store         where the state lives: empty for the SQLite file bridge.db in dataDir, else a JDBC URL
 *                      (jdbc:postgresql://...) with its user and password
 * @param toyKey        the toy key: only the bridge (and the factory's provisioning) holds it; without it every
 *                      toy is UNKNOWN and none is written
 * @param limits        how much state input from outside may make (portals, boots, Rebirths, documents)
 * @param sharedWait    with a share group: how long a frame whose predecessor no bridge has committed yet
 *                      waits, parked in the database, before the gap is given up and a rebirth asked for
 */
public record BridgeConfig(BrokerSettings mqtt, Optional<Integer> embeddedPort, Path dataDir,
                           Optional<String> sharedGroup, Duration reorderWindow, Duration writeTimeout,
                           Duration statusInterval, Duration restartGrace, Clock clock, Optional<StoreUrl> store,
                           Optional<FleetKey> toyKey, InputLimits limits, Duration sharedWait) {
    /**
     * How long a frame parked by bridges of a share group waits for its predecessors: long enough for a killed
     * bridge to come back (on Mosquitto its share of the frames waits for it) before the gap is given up.
     */
    public static final Duration SHARED_WAIT = Duration.ofSeconds(30);

    /** A JDBC database other than the default SQLite file. */
    public record StoreUrl(String url, Optional<String> user, Optional<String> password) {
        @Override
        public String toString() {
            return url; // never the password
        }
    }

    public static BridgeConfig defaults(BrokerSettings mqtt, Path dataDir) {
        return new BridgeConfig(mqtt, Optional.empty(), dataDir, Optional.empty(), Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(3), Clock.systemUTC(), Optional.empty(),
                Optional.empty(), InputLimits.defaults(), SHARED_WAIT);
    }

    public BridgeConfig withEmbeddedBroker(int port) {
        return new BridgeConfig(mqtt, Optional.of(port), dataDir, sharedGroup, reorderWindow, writeTimeout,
                statusInterval, restartGrace, clock, store, toyKey, limits, sharedWait);
    }

    public BridgeConfig withSharedGroup(String group) {
        return new BridgeConfig(mqtt, embeddedPort, dataDir, Optional.of(group), reorderWindow, writeTimeout,
                statusInterval, restartGrace, clock, store, toyKey, limits, sharedWait);
    }

    public BridgeConfig withTimings(Duration reorder, Duration write) {
        return new BridgeConfig(mqtt, embeddedPort, dataDir, sharedGroup, reorder, write, statusInterval,
                restartGrace, clock, store, toyKey, limits, sharedWait);
    }

    public BridgeConfig withStore(StoreUrl url) {
        return new BridgeConfig(mqtt, embeddedPort, dataDir, sharedGroup, reorderWindow, writeTimeout,
                statusInterval, restartGrace, clock, Optional.of(url), toyKey, limits, sharedWait);
    }

    public BridgeConfig withToyKey(FleetKey key) {
        return new BridgeConfig(mqtt, embeddedPort, dataDir, sharedGroup, reorderWindow, writeTimeout,
                statusInterval, restartGrace, clock, store, Optional.of(key), limits, sharedWait);
    }

    public BridgeConfig withRestartGrace(Duration grace) {
        return new BridgeConfig(mqtt, embeddedPort, dataDir, sharedGroup, reorderWindow, writeTimeout,
                statusInterval, grace, clock, store, toyKey, limits, sharedWait);
    }

    public BridgeConfig withLimits(InputLimits inputLimits) {
        return new BridgeConfig(mqtt, embeddedPort, dataDir, sharedGroup, reorderWindow, writeTimeout,
                statusInterval, restartGrace, clock, store, toyKey, inputLimits, sharedWait);
    }

    public BridgeConfig withSharedWait(Duration wait) {
        return new BridgeConfig(mqtt, embeddedPort, dataDir, sharedGroup, reorderWindow, writeTimeout,
                statusInterval, restartGrace, clock, store, toyKey, limits, wait);
    }
}
