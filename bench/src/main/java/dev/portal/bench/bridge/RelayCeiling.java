package dev.portal.bench.bridge;

import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;
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
        Topic relayed = Topic.of("relay/out");
        Topic in = Topic.of("relay/p0/evt");
        BrokerLink sub = BridgeBench.subscriber(brokerUri, "relay-sub", TopicFilter.exactly(relayed),
                m -> received.add());
        BrokerLink[] out = new BrokerLink[1];
        BrokerLink relay = BrokerSettings.plain(brokerUri, "relay-" + System.nanoTime()).linkBuilder()
                .maxInFlight(4096)
                .subscribe(TopicFilter.of("relay/+/evt"), Qos.AT_LEAST_ONCE, (message, ack) -> worker.execute(() -> {
                    out[0].publish(relayed, message.payload(), Qos.AT_LEAST_ONCE, false);
                    ack.acknowledge();
                }))
                .build();
        out[0] = relay;
        BrokerLink pub = BridgeBench.publisher(brokerUri, "relay-pub");
        try {
            sub.connect(BridgeBench.CONNECT);
            relay.connect(BridgeBench.CONNECT);
            pub.connect(BridgeBench.CONNECT);
            CpuWindow cpu = CpuWindow.open(broker);
            long start = System.nanoTime();
            for (byte[] frame : frames) {
                pub.publish(in, frame, Qos.AT_LEAST_ONCE, false);
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
