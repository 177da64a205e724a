package dev.portal.device.toy;

import dev.portal.protocol.frame.Status;

/** What writing a toy record came to: the status the host is answered with and a line saying why. */
public record WriteResult(Status status, String detail) {
    static WriteResult ok(String detail) {
        return new WriteResult(Status.OK, detail);
    }

    static WriteResult of(Status status, String detail) {
        return new WriteResult(status, detail);
    }
}
