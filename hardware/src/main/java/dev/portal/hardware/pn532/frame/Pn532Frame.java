package dev.portal.hardware.pn532.frame;

import java.util.Arrays;
import java.util.HexFormat;

/** One frame on the PN532 host link, in either direction. */
public sealed interface Pn532Frame {

    /** TFI of frames from the host to the chip. */
    int HOST_TO_CHIP = 0xD4;
    /** TFI of frames from the chip to the host. */
    int CHIP_TO_HOST = 0xD5;
    /** TFI of the application-level error frame (LEN 1: the TFI alone, so DCS 0x81). */
    int ERROR_TFI = 0x7F;

    /** "I understood the frame": sent by the chip before the response, or by the host to abort a command. */
    record Ack() implements Pn532Frame {
    }

    /** "Send the last frame again". */
    record Nack() implements Pn532Frame {
    }

    /** The chip could not make sense of a well-formed frame (a command it does not know, bad length...). */
    record ApplicationError() implements Pn532Frame {
    }

    /** A normal or extended information frame: TFI then the command (or response) code and its data. */
    record Information(int tfi, byte[] body) implements Pn532Frame {
        public Information {
            if (tfi < 0 || tfi > 0xFF) {
                throw new IllegalArgumentException("TFI must be a byte: " + tfi);
            }
            if (body.length == 0) {
                throw new IllegalArgumentException("an information frame carries a command code");
            }
            if (body.length + 1 > Pn532FrameCodec.MAX_EXTENDED_LENGTH) {
                throw new IllegalArgumentException("frame too long: " + body.length);
            }
            body = body.clone();
        }

        public static Information command(int code, byte... params) {
            return new Information(HOST_TO_CHIP, concat(code, params));
        }

        public static Information response(int code, byte... data) {
            return new Information(CHIP_TO_HOST, concat(code, data));
        }

        /** The command code (host frames) or the response code = command + 1 (chip frames). */
        public int code() {
            return body[0] & 0xFF;
        }

        /** The bytes after the code. */
        public byte[] params() {
            return Arrays.copyOfRange(body, 1, body.length);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Information i && i.tfi == tfi && Arrays.equals(i.body, body);
        }

        @Override
        public int hashCode() {
            return tfi * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return String.format("Information[%02X %s]", tfi, HexFormat.ofDelimiter(" ").withUpperCase().formatHex(body));
        }

        private static byte[] concat(int code, byte[] rest) {
            byte[] out = new byte[rest.length + 1];
            out[0] = (byte) code;
            System.arraycopy(rest, 0, out, 1, rest.length);
            return out;
        }
    }
}
