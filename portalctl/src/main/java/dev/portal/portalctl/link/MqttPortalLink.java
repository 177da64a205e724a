package dev.portal.portalctl.link;

import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.link.TopicFilter;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Header;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One portal over the broker: frames from {@code portal/{id}/evt}, commands to {@code portal/{id}/cmd}. */
public final class MqttPortalLink implements PortalLink {
    private static final Logger log = LoggerFactory.getLogger(MqttPortalLink.class);
    private final BrokerLink broker;
    private final DeviceId device;
    private final Duration timeout;
    private final AtomicLong sequence = new AtomicLong();
    private final long bootId = new java.security.SecureRandom().nextInt() & 0xFFFF_FFFFL;

    public MqttPortalLink(BrokerLink broker, DeviceId device, Duration timeout) {
        this.broker = broker;
        this.device = device;
        this.timeout = timeout;
    }

    @Override
    public String deviceId() {
        return device.value();
    }

    @Override
    public void open(Consumer<Frame> frames) {
        Broker.subscribe(broker, TopicFilter.exactly(PortalTopics.evt(device)), (topic, payload) -> {
            try {
                frames.accept(FrameCodec.decode(payload));
            } catch (FrameException e) {
                log.warn("undecodable frame on {}: {}", topic, e.getMessage());
            }
        });
    }

    @Override
    public void send(Command command) {
        Header h = Header.of(bootId, sequence.getAndIncrement() & 0xFFFF_FFFFL, System.currentTimeMillis(), true);
        Broker.publish(broker, PortalTopics.cmd(device), FrameCodec.encode(new Frame(h, command)), false, timeout);
    }

    @Override
    public void close() {
        broker.unsubscribe(TopicFilter.exactly(PortalTopics.evt(device)));
    }
}
