package dev.portal.device.toy;

import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.ToyAreas;

import java.util.Optional;

/**
 * What writing an area image came to: the status the host is answered with, a line saying why, and the areas as
 * the portal last read them (after the write, or instead of it when the toy had changed), for the host to judge.
 * Empty when the tag could not be read.
 */
public record WriteResult(Status status, String detail, Optional<ToyAreas> areas) {
    static WriteResult of(Status status, String detail) {
        return new WriteResult(status, detail, Optional.empty());
    }

    static WriteResult of(Status status, String detail, ToyAreas read) {
        return new WriteResult(status, detail, Optional.of(read));
    }
}
