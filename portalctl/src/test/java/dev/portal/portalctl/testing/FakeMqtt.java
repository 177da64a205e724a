package dev.portal.portalctl.testing;

import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.PortalTopics;
import dev.portal.link.Qos;
import dev.portal.link.TopicFilter;
import dev.portal.link.Will;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The fake portal's MQTT side for one boot: frames of this boot to evt, commands from cmd, retained status. */
final class FakeMqtt implements AutoCloseable {
    private final String uri;
    private BrokerLink client;
    private final DeviceId device;
    private final long bootId = new SecureRandom().nextInt() & 0xFFFF_FFFFL;
    private final AtomicLong sequence = new AtomicLong();
    private final Consumer<byte[]> commands;

    FakeMqtt(String uri, String deviceId, Consumer<byte[]> commands) {
        this.device = DeviceId.of(deviceId);
        this.commands = commands;
        this.uri = uri;
        this.client = build(deviceId + "-" + Long.toHexString(bootId));
    }

    private BrokerLink build(String clientId) {
        try {
            return BrokerLink.builder().serverUri(uri).clientId(clientId).cleanSession(true).maxInFlight(1000)
                    .will(new Will(PortalTopics.status(device), status("offline"), Qos.AT_LEAST_ONCE, true))
                    .subscribe(TopicFilter.exactly(PortalTopics.cmd(device)), Qos.AT_LEAST_ONCE,
                            MessageHandler.autoAck(m -> commands.accept(m.payload())))
                    .build();
        } catch (LinkException e) {
            throw new IllegalStateException(e);
        }
    }

    void connect() throws LinkException {
        client.connect(Duration.ofSeconds(10));
        try {
            client.publish(PortalTopics.status(device), status("online"), Qos.AT_LEAST_ONCE, true)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new LinkException("online status not confirmed", e);
        }
    }

    /** A new connection after {@link #close()}, as the device's reconnect would make. */
    synchronized void reconnect() throws LinkException {
        client = build(device.value() + "-" + Long.toHexString(bootId) + "-r");
        connect();
    }

    private byte[] status(String state) {
        return String.format("{\"state\":\"%s\",\"deviceId\":\"%s\",\"bootId\":\"%08x\"}", state, device, bootId)
                .getBytes(StandardCharsets.UTF_8);
    }

    synchronized boolean connected() {
        return client.isConnected();
    }

    synchronized void publish(Message m) {
        Frame f = new Frame(Header.of(bootId, sequence.getAndIncrement(), System.currentTimeMillis(), true), m);
        if (client.isConnected()) {
            // a failure is dropped, as a lost connection would (the device would keep it in its outbox)
            client.publish(PortalTopics.evt(device), FrameCodec.encode(f), Qos.AT_LEAST_ONCE, false);
        }
    }

    @Override
    public synchronized void close() {
        client.close();
    }
}
