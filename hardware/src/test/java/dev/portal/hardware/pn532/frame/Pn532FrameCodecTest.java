package dev.portal.hardware.pn532.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Pn532FrameCodecTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void encodesSamConfigurationAsTheManualShowsIt() {
        byte[] bytes = Pn532FrameCodec.encode(Pn532Frame.Information.command(0x14, (byte) 0x01));
        assertEquals("0000FF03FDD41401170" + "0", HEX.formatHex(bytes));
    }

    @Test
    void encodesGetFirmwareVersion() {
        assertEquals("0000FF02FED4022A00", HEX.formatHex(Pn532FrameCodec.encode(Pn532Frame.Information.command(0x02))));
    }

    @Test
    void encodesAckNackAndErrorFrames() {
        assertEquals("0000FF00FF00", HEX.formatHex(Pn532FrameCodec.encode(new Pn532Frame.Ack())));
        assertEquals("0000FFFF0000", HEX.formatHex(Pn532FrameCodec.encode(new Pn532Frame.Nack())));
        assertEquals("0000FF01FF7F8100", HEX.formatHex(Pn532FrameCodec.encode(new Pn532Frame.ApplicationError())));
    }

    @Test
    void longFramesUseTheExtendedLayout() {
        byte[] body = new byte[260];
        body[0] = 0x40;
        byte[] bytes = Pn532FrameCodec.encode(new Pn532Frame.Information(0xD4, body));
        // 00 00 FF FF FF LENm LENl LCS: LEN = 261 = 0x0105, LCS = -(0x01 + 0x05) = 0xFA
        assertEquals("0000FFFFFF0105FAD4", HEX.formatHex(bytes, 0, 9));
        assertEquals(8 + 261 + 2, bytes.length);
    }

    @Test
    void frameOf254BytesIsStillNormal() {
        byte[] body = new byte[253];
        byte[] bytes = Pn532FrameCodec.encode(new Pn532Frame.Information(0xD4, body));
        assertEquals(254, bytes[3] & 0xFF);
        assertEquals(5 + 254 + 2, bytes.length);
    }

    @Test
    void wakeUpPreambleIs5555ThenZeros() {
        assertEquals("5555000000", HEX.formatHex(Pn532FrameCodec.wakeUpPreamble(3)));
    }
}
