package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;

/** Hard caps of the wire format (SPEC.md, "Limits"). A decoder rejects anything larger before allocating. */
public final class Limits {
    /** Largest frame, header and check included. */
    public static final int MAX_FRAME = 4096;
    /** Header (17 bytes) plus CRC-32C (4 bytes). */
    public static final int OVERHEAD = 21;
    public static final int HEADER = 17;
    public static final int MIN_UID = Uid.MIN_WIRE_BYTES;
    /** ISO 14443-3 triple-size UID. */
    public static final int MAX_UID = Uid.MAX_BYTES;
    public static final int MAX_SHORT_TEXT = 255;
    public static final int MAX_DETAIL = 1024;
    public static final int MAX_CONFIG_VALUE = 1024;
    public static final int MAX_CONFIG_ENTRIES = 64;
    public static final int MAX_PADS = 32;
    public static final int MAX_FIRMWARE_CHUNK = 2048;
    public static final int MAX_TOY_RECORD = 1024;
    public static final int MAX_DEVICE_ID = 64;

    private Limits() {
    }
}
