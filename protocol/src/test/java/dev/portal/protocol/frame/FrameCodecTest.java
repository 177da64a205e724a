package dev.portal.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.frame.FrameException.Reason;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private static final byte[] UID7 = Hex.parse("04a1b2c3d4e5f6");

    private static Frame placed() {
        return new Frame(Header.of(0xDEADBEEFL, 42, 1_764_000_000_000L, true),
                new TagPlaced(1, 2, UID7, TagType.NTAG215));
    }

    @Test
    void tagPlacedWithSevenByteUidFitsInThirtyTwoBytes() {
        byte[] wire = FrameCodec.encode(placed());
        assertTrue(wire.length <= 32, "TagPlaced is " + wire.length + " bytes");
        assertEquals(32, wire.length);
    }

    @Test
    void tagPlacedRoundTripsAndHeaderIsLaidOutAsSpecified() throws FrameException {
        byte[] wire = FrameCodec.encode(placed());
        assertEquals("1001" + "01" + "deadbeef" + "0000002a" + "019ab697e800",
                Hex.format(wire).substring(0, 34));
        assertEquals(placed(), FrameCodec.decode(wire));
    }

    @Test
    void tagRemovedRoundTrips() throws FrameException {
        Frame f = new Frame(Header.of(7, 0xFFFF_FFFFL, 12_345, false), new TagRemoved(0, 0, UID7, 90_000));
        assertEquals(f, FrameCodec.decode(FrameCodec.encode(f)));
    }

    @Test
    void aFlippedBitIsABadCheck() {
        byte[] wire = FrameCodec.encode(placed());
        wire[20] ^= 0x10;
        assertEquals(Reason.BAD_CHECK, assertThrows(FrameException.class, () -> FrameCodec.decode(wire)).reason());
    }

    @Test
    void trailingBodyBytesFromANewerMinorAreIgnored() throws FrameException {
        byte[] wire = FrameCodec.encode(placed());
        byte[] longer = new byte[wire.length + 3];
        System.arraycopy(wire, 0, longer, 0, wire.length - 4);
        longer[0] = 0x13;
        FrameCodec.resign(longer);
        Frame decoded = FrameCodec.decode(longer);
        assertEquals(placed().message(), decoded.message());
        assertEquals(3, decoded.header().minor());
    }

    @Test
    void encodeOfDecodeIsIdentity() throws FrameException {
        byte[] wire = FrameCodec.encode(placed());
        assertArrayEquals(wire, FrameCodec.encode(FrameCodec.decode(wire)));
    }
}
