package dev.portal.device.frame;

import dev.portal.protocol.frame.Message;

/** Where the service's messages go: in production the outbox, through {@link FrameEmitter}. */
@FunctionalInterface
public interface EventSink {
    void emit(Message message);
}
