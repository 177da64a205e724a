package dev.portal.portalctl.link;

import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Frame;
import java.util.function.Consumer;

/** A way to talk to one portal: its command channel and the frames it sends (MQTT topics or a serial cable). */
public interface PortalLink extends AutoCloseable {
    /** Which portal, as the technician named it. */
    String deviceId();

    /** Starts delivering the portal's frames to {@code frames} (called from the link's own thread). */
    void open(Consumer<Frame> frames);

    void send(Command command);

    @Override
    void close();
}
