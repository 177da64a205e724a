package dev.portal.protocol.frame;

/**
 * The one exception a decoder raises: every malformed, truncated, foreign or future input ends here, with a
 * {@link Reason} a caller can count and report. Carries no stack trace: corrupt frames are expected traffic,
 * not bugs, and a noisy serial line can produce thousands of them.
 */
public final class FrameException extends Exception {

    /** Why a frame was rejected. The names are part of the conformance suite (lower-cased there). */
    public enum Reason {
        /** Fewer bytes than the smallest possible frame (header plus check). */
        TOO_SHORT,
        /** The CRC-32C at the end does not match the bytes before it. */
        BAD_CHECK,
        /** The major version in the first byte is not one this decoder speaks. */
        UNSUPPORTED_VERSION,
        /** The message type byte is not one this decoder knows. */
        UNKNOWN_TYPE,
        /** A must-understand flag bit is set that this decoder does not know. */
        UNKNOWN_REQUIRED_FLAG,
        /** A field or a length prefix runs past the end of the body. */
        TRUNCATED,
        /** A field holds a value outside its range, or fields contradict each other. */
        BAD_FIELD,
        /** Text that is not well-formed UTF-8. */
        BAD_UTF8,
        /** The frame, or a length field, exceeds its hard cap. */
        TOO_LONG,
        /** Serial framing only: a COBS packet whose code bytes do not fit its length. */
        BAD_FRAMING
    }

    private final Reason reason;

    public FrameException(Reason reason, String detail) {
        super(reason.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
