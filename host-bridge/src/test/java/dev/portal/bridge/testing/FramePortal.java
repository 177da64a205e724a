package dev.portal.bridge.testing;

import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.PortalTopics;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;
import dev.portal.link.Will;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.WriteArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A portal simulated at the frame level, speaking the same topics and frames as portal-device: Birth on
 * start and on Rebirth, TagPlaced + ToyAreas (the raw areas: a portal holds no toy key) on a placement,
 * TagRemoved on a lift; it executes WriteArea on the simulated tag's memory and answers ShowVerdict. For the bridge's tests, which need a portal they steer frame by frame
 * (heartbeats, raw bytes, boot ids), and the bridge benchmark, which runs thousands of portals in one process:
 * the real portal service in simulation (portal-device's device.sim) is the one a person meets.
 */
public final class FramePortal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FramePortal.class);

    private final String deviceId;
    private final int pads;
    private final Clock clock;
    private final long bootId;
    private long sequence;
    private final BrokerLink link;
    private final DeviceId device;
    private final Map<Integer, Placed> present = new TreeMap<>();
    private long commandsRejected;

    private record Placed(int pad, int slot, SimTag tag, long sinceMillis) {
    }

    public FramePortal(String serverUri, String deviceId, int pads, Clock clock) throws LinkException {
        this.deviceId = deviceId;
        this.pads = pads;
        this.clock = clock;
        this.bootId = new SecureRandom().nextInt() & 0xFFFF_FFFFL;
        this.device = DeviceId.of(deviceId);
        this.link = BrokerSettings.plain(serverUri, "sim-" + deviceId + "-" + System.nanoTime()).linkBuilder()
                .will(new Will(statusTopic(), status("offline"), Qos.AT_LEAST_ONCE, true))
                .subscribe(TopicFilter.exactly(PortalTopics.cmd(device)), Qos.AT_LEAST_ONCE,
                        MessageHandler.autoAck(message -> onCommand(message.payload())))
                .build();
    }

    public String deviceId() {
        return deviceId;
    }

    public long bootId() {
        return bootId;
    }

    /** Frames sent through {@link #send} so far (its own answers to commands too), not raw payloads. */
    public synchronized long framesSent() {
        return sequence;
    }

    private Topic statusTopic() {
        return PortalTopics.status(device);
    }

    private byte[] status(String state) {
        return ("{\"state\":\"" + state + "\",\"deviceId\":\"" + deviceId + "\",\"bootId\":\""
                + String.format("%08x", bootId) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Connects, listens for commands, announces itself online and sends its Birth. */
    public void start() throws LinkException {
        link.connect(Duration.ofSeconds(10));
        link.publishNow(statusTopic(), status("online"), Qos.AT_LEAST_ONCE, true);
        birth();
    }

    public synchronized void birth() throws LinkException {
        List<PadInfo> padInfos = IntStream.range(0, pads).mapToObj(p -> new PadInfo(p, 4, "simulated")).toList();
        Calibration calibration = new Calibration(
                IntStream.range(0, pads).mapToObj(p -> new PadCalibration(p, 33, 3)).toList());
        send(new Birth(deviceId, "sim-1.0.0", EnumSet.of(Capability.LED, Capability.TOY_WRITE, Capability.MULTI_TAG,
                Capability.HOST_JUDGED),
                padInfos, calibration, 1));
    }

    /** A tag enters the field: TagPlaced, then what the reader found on it. */
    public synchronized void place(int pad, int slot, SimTag tag) throws LinkException {
        present.put(key(pad, slot), new Placed(pad, slot, tag, clock.millis()));
        send(new TagPlaced(pad, slot, tag.uid(), tag.type()));
        send(tag.read(pad, slot));
    }

    /** A tag leaves the field. */
    public synchronized void lift(int pad, int slot) throws LinkException {
        Placed placed = present.remove(key(pad, slot));
        if (placed == null) {
            throw new IllegalStateException("nothing on pad " + pad + " slot " + slot);
        }
        send(new TagRemoved(pad, slot, placed.tag().uid(), clock.millis() - placed.sinceMillis()));
    }

    public synchronized void heartbeat(long uptimeSeconds) throws LinkException {
        send(new Heartbeat(new HealthCounters(uptimeSeconds, 2000, 0, 0, 0, commandsRejected, 0, 0, 0,
                present.size())));
    }

    /** Sends one message as the next frame; returns the encoded frame (tests replay it). */
    public synchronized byte[] send(Message message) throws LinkException {
        byte[] frame = FrameCodec.encode(new Frame(Header.of(bootId, sequence++, clock.millis(), true), message));
        link.publishNow(PortalTopics.evt(device), frame, Qos.AT_LEAST_ONCE, false);
        return frame;
    }

    /** Publishes raw bytes on this portal's event topic (tests of hostile input). */
    public void sendRaw(byte[] payload) throws LinkException {
        link.publishNow(PortalTopics.evt(device), payload, Qos.AT_LEAST_ONCE, false);
    }

    private static int key(int pad, int slot) {
        return pad * 256 + slot;
    }

    private synchronized void onCommand(byte[] payload) {
        Frame frame;
        try {
            frame = FrameCodec.decode(payload);
        } catch (FrameException e) {
            LOG.warn("{}: undecodable command ({})", deviceId, e.reason());
            return;
        }
        if (!(frame.message() instanceof Command command)) {
            return;
        }
        try {
            switch (command.body()) {
                case WriteArea write -> write(command.correlationId(), write);
                case ShowVerdict verdict -> send(new CommandResult(command.correlationId(), Status.OK,
                        "showing " + verdict.verdict()));
                case Rebirth ignored -> {
                    birth();
                    for (Placed p : present.values()) {
                        send(new TagPlaced(p.pad(), p.slot(), p.tag().uid(), p.tag().type()));
                        send(p.tag().read(p.pad(), p.slot()));
                    }
                }
                default -> {
                    commandsRejected++;
                    send(new CommandResult(command.correlationId(), Status.UNKNOWN_COMMAND, "not simulated"));
                }
            }
        } catch (LinkException e) {
            LOG.warn("{}: could not answer a command: {}", deviceId, e.getMessage());
        }
    }

    private void write(long correlationId, WriteArea write) throws LinkException {
        Placed placed = present.get(key(write.pad(), write.slot()));
        if (placed == null || !placed.tag().uid().equals(write.uid())) {
            commandsRejected++;
            send(new CommandResult(correlationId, Status.NO_TAG, "that tag is not on pad " + write.pad()));
            return;
        }
        boolean written = placed.tag().write(write);
        send(placed.tag().read(write.pad(), write.slot())); // what a portal reads back, or reads anew
        send(written ? new CommandResult(correlationId, Status.OK, "written; read back")
                : new CommandResult(correlationId, Status.REJECTED, "the toy changed since the host read it"));
    }

    @Override
    public void close() {
        try {
            link.publish(statusTopic(), status("offline"), Qos.AT_LEAST_ONCE, true).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("could not say offline: {}", e.getMessage());
        }
        link.close();
    }
}
