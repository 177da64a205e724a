package dev.portal.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.frame.FrameException.Reason;
import dev.portal.protocol.id.Uid;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private static final Uid UID7 = Uid.parse("04a1b2c3d4e5f6");

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

    @Test
    void aFrameOverTheLimitIsRefusedByTheEncoder() {
        java.util.Map<String, String> big = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            big.put("key" + i, "v".repeat(1000));
        }
        Frame f = new Frame(Header.of(1, 1, 1, false), new Command(1, new ConfigSet(2, big)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameCodec.encode(f));
        assertTrue(e.getMessage().contains("limit 4096"), e.getMessage());
    }

    @Test
    void headerKeepsClockAndFlagBitsApart() {
        assertThrows(IllegalArgumentException.class, () -> new Header(0x10, 1, 1, 1, true, Flags.CLOCK_SYNCED));
        assertThrows(IllegalArgumentException.class, () -> new Header(0x10, 1, 1, 1, true, 0x10));
        assertThrows(IllegalArgumentException.class, () -> new Header(0x20, 1, 1, 1, true, 0));
        Header h = Header.of(1, 2, 3, true).withReplayed(true);
        assertEquals(Flags.CLOCK_SYNCED | Flags.REPLAYED, h.wireFlags());
        assertTrue(h.replayed());
    }

    @Test
    void anUnknownCommandKindStillYieldsItsCorrelationId() throws FrameException {
        Frame f = new Frame(Header.of(1, 1, 1, false), new Command(77, new UnknownCommand(0x99, Hex.parse("0102"))));
        Command decoded = (Command) FrameCodec.decode(FrameCodec.encode(f)).message();
        assertEquals(77, decoded.correlationId());
        assertEquals(0x99, decoded.body().kindCode());
    }

    @Test
    void recordsCopyTheirBytesSoFramesStayImmutable() {
        byte[] bytes = UID7.bytes();
        TagPlaced t = new TagPlaced(0, 0, Uid.of(bytes), TagType.OTHER);
        bytes[0] = 0;
        t.uid().bytes()[1] = 0;
        assertEquals(UID7, t.uid());
    }
}
