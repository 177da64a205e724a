package dev.portal.protocol.frame;

/**
 * Header flag bits. The low nibble is ignorable: a decoder that does not know a bit there decodes the frame
 * anyway. The high nibble is must-understand: an unknown bit there means the frame cannot be read correctly
 * without knowing it, and the decoder rejects it with {@code UNKNOWN_REQUIRED_FLAG}.
 */
public final class Flags {
    /** Timestamp is Unix epoch milliseconds (clock synchronised); clear: milliseconds since boot. */
    public static final int CLOCK_SYNCED = 0x01;
    /** The frame waited in the device's outbox (broker or link was down) and is delivered late. */
    public static final int REPLAYED = 0x02;
    public static final int IGNORABLE_MASK = 0x0F;
    public static final int REQUIRED_MASK = 0xF0;
    /** Must-understand bits this version knows: none yet. */
    public static final int KNOWN_REQUIRED = 0x00;

    private Flags() {
    }
}
