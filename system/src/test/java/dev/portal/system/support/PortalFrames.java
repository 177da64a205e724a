package dev.portal.system.support;

import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.toy.AreaBytes;
import java.util.Optional;
import dev.portal.protocol.id.Uid;

import java.util.EnumSet;
import java.util.List;

/** A portal at the frame level: one boot's frames with growing sequence numbers, encoded for the wire. */
public final class PortalFrames {
    private final String deviceId;
    private final long bootId;
    private long seq;

    public PortalFrames(String deviceId, long bootId) {
        this.deviceId = deviceId;
        this.bootId = bootId;
    }

    public String deviceId() {
        return deviceId;
    }

    public long bootId() {
        return bootId;
    }

    public String evtTopic() {
        return PortalTopics.evt(DeviceId.of(deviceId)).value();
    }

    public byte[] next(Message m) {
        return FrameCodec.encode(new Frame(Header.of(bootId, seq++, System.currentTimeMillis(), true), m));
    }

    public byte[] birth() {
        return next(birthOf(deviceId));
    }

    public static Birth birthOf(String deviceId) {
        return new Birth(deviceId, "test-1.0", EnumSet.of(Capability.LED, Capability.MULTI_TAG),
                List.of(new PadInfo(0, 8, "MFRC522 v2"), new PadInfo(1, 8, "MFRC522 v2")),
                new Calibration(List.of(new PadCalibration(0, 33, 3), new PadCalibration(1, 33, 3))), 1);
    }

    public byte[] placed(int pad, int slot, byte[] uid) {
        return next(new TagPlaced(pad, slot, Uid.of(uid), TagType.NTAG213));
    }

    /** One frame of every kind a portal sends, for mutation. */
    public List<byte[]> samples(byte[] uidBytes) {
        Uid uid = Uid.of(uidBytes);
        return List.of(
                next(birthOf(deviceId)),
                next(new TagPlaced(0, 1, uid, TagType.NTAG213)),
                next(new ToyAreas(0, 1, uid, TagType.NTAG213, Optional.of(AreaBytes.of(new byte[64])),
                        Optional.of(AreaBytes.of(new byte[64])))),
                next(new TagRemoved(0, 1, uid, 1234)),
                next(new Heartbeat(new HealthCounters(60, 2000, 1, 0, 0, 0, 0, 0, 1, 1))),
                next(new CommandResult(42, Status.OK, "done")));
    }
}
