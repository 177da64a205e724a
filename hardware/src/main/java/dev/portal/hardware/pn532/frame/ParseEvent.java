package dev.portal.hardware.pn532.frame;

/** What the {@link FrameParser} found in the byte stream: a frame, or a frame-shaped run of bytes that failed a check. */
public sealed interface ParseEvent {

    record Received(Pn532Frame frame) implements ParseEvent {
    }

    record Corrupt(Kind kind, String detail) implements ParseEvent {
    }

    enum Kind {
        /** LEN + LCS (or LENm + LENl + LCS) was not 0 mod 256. */
        LENGTH_CHECKSUM,
        /** TFI + data + DCS was not 0 mod 256. */
        DATA_CHECKSUM,
        /** A length of 0 or above what the chip can buffer. */
        BAD_LENGTH
    }
}
