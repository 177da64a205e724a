package dev.portal.bridge.ingest;

import dev.portal.link.Acknowledgement;
import dev.portal.link.DeviceId;
import dev.portal.link.Topic;

/**
 * Where the bridge's worker hands portal frames: {@link FrameIngest} when the bridge is alone, orders frames in
 * memory; {@link SharedFrameIngest} when bridges share the portals, orders them through the database.
 */
public interface FrameSink {
    /** Handles a frame; {@code ack} runs once the frame's fate is committed. */
    void onFrame(DeviceId device, Topic topic, byte[] payload, long receivedMillis, Acknowledgement ack);

    /** Commits what the frames so far changed, publishes it, then acknowledges them. */
    void flush();
}
