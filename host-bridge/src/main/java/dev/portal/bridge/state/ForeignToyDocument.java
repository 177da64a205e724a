package dev.portal.bridge.state;

import dev.portal.protocol.foreign.ForeignReading;

import java.util.Objects;

/**
 * What the bridge tells game servers about a toy of another line (protocol 1.2): who it is and where it was last
 * read. It has no profile: the bridge keeps no toy record for it and never writes it.
 *
 * @param readMillis when the portal read it
 */
public record ForeignToyDocument(String uid, ForeignReading reading, String deviceId, int pad, int slot,
                                 long readMillis) {
    public ForeignToyDocument {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(deviceId, "deviceId");
    }
}
