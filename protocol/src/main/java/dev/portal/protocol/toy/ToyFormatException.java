package dev.portal.protocol.toy;

import java.util.Objects;

/**
 * Bytes that are not a valid toy record body. The only exception {@link ToyRecordCodec#decode} throws.
 */
public final class ToyFormatException extends Exception {

    /** Why the bytes were rejected. */
    public enum Reason {
        /** No bytes at all (null or empty input). */
        EMPTY,
        /** The record version is newer than this code knows (or 0, which was never used). */
        UNSUPPORTED_VERSION,
        /** The bytes end before the fields the version requires. */
        TRUNCATED,
        /** Bytes follow the last field. */
        TRAILING_BYTES,
        /** The name is too long, not UTF-8, or has characters a name may not hold. */
        BAD_NAME
    }

    private final Reason reason;

    public ToyFormatException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
