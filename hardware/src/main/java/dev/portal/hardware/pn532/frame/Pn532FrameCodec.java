package dev.portal.hardware.pn532.frame;

/**
 * Encodes frames into the bytes of the PN532 host link (same layout on HSU, I2C and SPI).
 *
 * <pre>
 * normal:   00 00 FF LEN LCS TFI data... DCS 00          LEN = TFI + data, LEN + LCS = 0
 * extended: 00 00 FF FF FF LENm LENl LCS TFI data... DCS 00
 * ACK 00 00 FF 00 FF 00, NACK 00 00 FF FF 00 00, error 00 00 FF 01 FF 7F 81 00
 * </pre>
 */
public final class Pn532FrameCodec {
    /** Largest TFI + data a normal frame carries; LEN 0xFF is reserved for the extended marker. */
    public static final int MAX_NORMAL_LENGTH = 254;
    /** The PN532 buffers at most 264 bytes of TFI + data. */
    public static final int MAX_EXTENDED_LENGTH = 265;

    private static final byte[] ACK = {0x00, 0x00, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00};
    private static final byte[] NACK = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF, 0x00, 0x00};
    private static final byte[] ERROR = {0x00, 0x00, (byte) 0xFF, 0x01, (byte) 0xFF, 0x7F, (byte) 0x81, 0x00};

    private Pn532FrameCodec() {
    }

    public static byte[] encode(Pn532Frame frame) {
        return switch (frame) {
            case Pn532Frame.Ack a -> ACK.clone();
            case Pn532Frame.Nack n -> NACK.clone();
            case Pn532Frame.ApplicationError e -> ERROR.clone();
            case Pn532Frame.Information info -> encodeInformation(info.tfi(), info.body());
        };
    }

    /**
     * The HSU wake-up sequence: 55 55 then zeros, long enough for the chip to leave power-down before the
     * next frame arrives (the chip drops what it receives while waking).
     */
    public static byte[] wakeUpPreamble(int zeros) {
        byte[] out = new byte[2 + zeros];
        out[0] = 0x55;
        out[1] = 0x55;
        return out;
    }

    static int checksum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i] & 0xFF;
        }
        return (-sum) & 0xFF;
    }

    private static byte[] encodeInformation(int tfi, byte[] body) {
        int len = body.length + 1;
        boolean extended = len > MAX_NORMAL_LENGTH;
        int header = extended ? 8 : 5;
        byte[] out = new byte[header + len + 2];
        out[0] = 0x00;
        out[1] = 0x00;
        out[2] = (byte) 0xFF;
        if (extended) {
            out[3] = (byte) 0xFF;
            out[4] = (byte) 0xFF;
            out[5] = (byte) (len >> 8);
            out[6] = (byte) len;
            out[7] = (byte) checksum(out, 5, 7);
        } else {
            out[3] = (byte) len;
            out[4] = (byte) ((-len) & 0xFF);
        }
        out[header] = (byte) tfi;
        System.arraycopy(body, 0, out, header + 1, body.length);
        out[header + len] = (byte) checksum(out, header, header + len);
        out[header + len + 1] = 0x00;
        return out;
    }
}
