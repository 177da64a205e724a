package dev.portal.bench.bridge;

import dev.portal.bridge.mqtt.MqttLink;
import dev.portal.bridge.mqtt.MqttLinkException;
import dev.portal.bridge.mqtt.MqttSettings;
import dev.portal.bridge.mqtt.PahoMqttLink;
import dev.portal.testsupport.Mosquitto;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bridge's path with none of its work: a client takes each frame off the broker and, on one worker thread
 * as the bridge does, publishes it again unchanged at QoS 1 to a topic a subscriber counts. Two broker hops
 * per message, like a bridged event, so it shows what the transport alone allows along that path.
 */
final class RelayCeiling {
    private RelayCeiling() {
    }

    /** Messages per second from the first publish to the last relayed message's arrival, and CPU per message. */
    static BridgeBench.Run measure(Mosquitto broker, byte[][] frames) throws Exception {
        String brokerUri = broker.uri();
        Counter received = new Counter();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "relay-worker"));
        MqttLink sub = new PahoMqttLink(MqttSettings.plain(brokerUri, "relay-sub-" + System.nanoTime()),
                (t, p, r) -> received.add());
        MqttLink[] out = new MqttLink[1];
        MqttLink relay = new PahoMqttLink(MqttSettings.plain(brokerUri, "relay-" + System.nanoTime()),
                (MqttLink.AckingHandler) (topic, payload, retained, ack) -> worker.execute(() -> {
                    try {
                        out[0].publish("relay/out", payload, 1, false);
                    } catch (MqttLinkException e) {
                        throw new IllegalStateException(e);
                    }
                    ack.acknowledge();
                }));
        out[0] = relay;
        MqttLink pub = new PahoMqttLink(MqttSettings.plain(brokerUri, "relay-pub-" + System.nanoTime()),
                (t, p, r) -> { });
        try {
            sub.connect();
            sub.subscribe("relay/out", 1);
            relay.connect();
            relay.subscribe("relay/+/evt", 1);
            pub.connect();
            CpuWindow cpu = CpuWindow.open(broker);
            long start = System.nanoTime();
            for (byte[] frame : frames) {
                pub.publish("relay/p0/evt", frame, 1, false);
            }
            if (!received.await(frames.length, 120)) {
                throw new IllegalStateException("relay run: only " + received.count() + " of " + frames.length);
            }
            return new BridgeBench.Run(frames.length / ((received.lastNanos() - start) / 1e9), cpu.close(frames.length));
        } finally {
            pub.close();
            relay.close();
            sub.close();
            worker.shutdownNow();
        }
    }
}
