package dev.portal.portalctl.link;

import dev.portal.device.mqtt.Topics;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Header;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One portal over the broker: frames from {@code portal/{id}/evt}, commands to {@code portal/{id}/cmd}. */
public final class MqttPortalLink implements PortalLink {
    private static final Logger log = LoggerFactory.getLogger(MqttPortalLink.class);
    private final BrokerConnection broker;
    private final Topics topics;
    private final AtomicLong sequence = new AtomicLong();
    private final long bootId = new java.security.SecureRandom().nextInt() & 0xFFFF_FFFFL;

    public MqttPortalLink(BrokerConnection broker, String deviceId) {
        this.broker = broker;
        this.topics = new Topics(deviceId);
    }

    @Override
    public String deviceId() {
        return topics.deviceId();
    }

    @Override
    public void open(Consumer<Frame> frames) {
        broker.subscribe(topics.events(), (topic, payload) -> {
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
        broker.publish(topics.commands(), FrameCodec.encode(new Frame(h, command)), false);
    }

    @Override
    public void close() {
        broker.unsubscribe(topics.events());
    }
}
