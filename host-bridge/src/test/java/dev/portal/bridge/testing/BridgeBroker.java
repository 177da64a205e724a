package dev.portal.bridge.testing;

import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;

/** The Mosquitto the bridge's tests run on. */
public final class BridgeBroker {
    private BridgeBroker() {
    }

    /** For {@code @RegisterExtension}: one broker per test class, also handed to tests as a parameter. */
    public static MosquittoExtension extension() {
        return new MosquittoExtension(BridgeBroker::configure);
    }

    public static Mosquitto.Builder configure(Mosquitto.Builder broker) {
        return broker.persistent()
                // No in-flight window: the bridge acknowledges frames only when their batch commits.
                .set("max_inflight_messages", 0)
                .set("max_topic_alias", 0)
                // Nagle and delayed ACKs cost about 25 ms per forwarded event.
                .set("set_tcp_nodelay", true);
    }
}
