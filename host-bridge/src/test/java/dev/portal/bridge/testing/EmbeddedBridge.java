package dev.portal.bridge.testing;

import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.testsupport.Ports;

import java.nio.file.Path;

/** A bridge configuration with its own embedded broker on a free port: for tests that need no Mosquitto. */
public final class EmbeddedBridge {
    private EmbeddedBridge() {
    }

    public static BridgeConfig config(Path dataDir, String clientId) {
        int port = Ports.free();
        return BridgeConfig.defaults(BrokerSettings.plain("tcp://127.0.0.1:" + port, clientId), dataDir).withToyKey(SimTag.KEY)
                .withEmbeddedBroker(port);
    }
}
