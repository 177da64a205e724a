package dev.portal.protocol.frame;

/**
 * One pad as announced in Birth.
 *
 * @param pad    pad index, u8
 * @param slots  how many toys the pad tracks at once, u8
 * @param reader reader chip and firmware as the driver reports it (e.g. "MFRC522 v2.0"), at most 255 UTF-8 bytes
 */
public record PadInfo(int pad, int slots, String reader) {
    public PadInfo {
        Check.u8("pad", pad);
        Check.u8("slots", slots);
        Check.text("reader", reader, Limits.MAX_SHORT_TEXT);
    }
}
