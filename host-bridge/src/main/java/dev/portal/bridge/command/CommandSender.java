package dev.portal.bridge.command;

import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.LinkException;
import dev.portal.link.PortalTopics;
import dev.portal.link.Qos;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandBody;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends commands to portals on portal/{id}/cmd as protocol frames. The bridge's frames carry a boot id of its
 * own (random per start) and a sequence, like a device's, and a correlation id the CommandResult echoes, which
 * no earlier run of the bridge has used ({@link CorrelationIds}).
 */
public final class CommandSender {
    private static final long U32 = 0xFFFF_FFFFL;

    private final BrokerLink link;
    private final Clock clock;
    private final long bootId;
    private final AtomicLong sequence = new AtomicLong();
    private final CorrelationIds correlation;

    public CommandSender(BrokerLink link, Clock clock, CorrelationIds correlation) {
        this.link = link;
        this.clock = clock;
        this.bootId = new SecureRandom().nextLong() & U32;
        this.correlation = correlation;
    }

    /** Sends the command and returns its correlation id. */
    public long send(String deviceId, CommandBody body) throws LinkException {
        long correlationId = nextId();
        send(deviceId, correlationId, body);
        return correlationId;
    }

    /** A correlation id for {@link #send(String, long, CommandBody)}, for a caller that records it first. */
    public long nextId() {
        return correlation.next();
    }

    /** Sends the command with a correlation id from {@link #nextId}. */
    public void send(String deviceId, long correlationId, CommandBody body) throws LinkException {
        Header header = Header.of(bootId, sequence.incrementAndGet() & U32, clock.millis(), true);
        byte[] frame = FrameCodec.encode(new Frame(header, new Command(correlationId, body)));
        link.publishNow(PortalTopics.cmd(DeviceId.of(deviceId)), frame, Qos.AT_LEAST_ONCE, false);
    }
}
