package dev.portal.protocol.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.testsupport.property.Property;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ToyRecordCodecTest {

    @Test
    void bodyRoundTrips() {
        Property.forAll(2000, ToyArbitraries.records(), this::bodyRoundTrips);
    }

    private void bodyRoundTrips(ToyRecord record) throws ToyFormatException {
        byte[] body = ToyRecordCodec.encode(record);
        assertEquals(ToyRecordCodec.encodedSize(record), body.length);
        assertTrue(body.length <= ToyRecordCodec.MAX_BYTES);
        assertEquals(record, ToyRecordCodec.decode(body));
    }

    @Test
    void bodyLayoutIsTheDocumentedOne() {
        byte[] body = ToyRecordCodec.encode(ToyArbitraries.sample());
        assertEquals("01" + "1234" + "02" + "ff0000" + "00ff00" + "0000ff" + "8000000000000021"
                + "0001e240" + "07" + "06" + HexFormat.of().formatHex("Sparky".getBytes()),
                HexFormat.of().formatHex(body));
    }

    @Test
    void everyTruncationIsTruncatedOrEmpty() {
        byte[] body = ToyRecordCodec.encode(ToyArbitraries.sample());
        for (int length = 0; length < body.length; length++) {
            int n = length;
            ToyFormatException e = assertThrows(ToyFormatException.class,
                    () -> ToyRecordCodec.decode(Arrays.copyOf(body, n)));
            assertEquals(n == 0 ? ToyFormatException.Reason.EMPTY : ToyFormatException.Reason.TRUNCATED, e.reason(),
                    "length " + n);
        }
        assertEquals(ToyFormatException.Reason.EMPTY,
                assertThrows(ToyFormatException.class, () -> ToyRecordCodec.decode(null)).reason());
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] body = ToyRecordCodec.encode(ToyArbitraries.sample());
        assertEquals(ToyFormatException.Reason.TRAILING_BYTES, assertThrows(ToyFormatException.class,
                () -> ToyRecordCodec.decode(Arrays.copyOf(body, body.length + 1))).reason());
    }

    @Test
    void newerOrZeroVersionIsUnsupported() {
        byte[] body = ToyRecordCodec.encode(ToyArbitraries.sample());
        for (int v : new int[] {0, 2, 255}) {
            body[0] = (byte) v;
            assertEquals(ToyFormatException.Reason.UNSUPPORTED_VERSION,
                    assertThrows(ToyFormatException.class, () -> ToyRecordCodec.decode(body)).reason());
        }
    }

    @Test
    void badNamesAreRejected() {
        byte[] base = ToyRecordCodec.encode(ToyArbitraries.sample());
        byte[] tooLong = Arrays.copyOf(base, ToyRecordCodec.FIXED_BYTES + 21);
        tooLong[26] = 21;
        assertEquals(ToyFormatException.Reason.BAD_NAME,
                assertThrows(ToyFormatException.class, () -> ToyRecordCodec.decode(tooLong)).reason());
        for (byte[] name : new byte[][] {{(byte) 0xC3}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {0x41, 0x0A}, {(byte) 0xFF}}) {
            byte[] body = Arrays.copyOf(base, ToyRecordCodec.FIXED_BYTES + name.length);
            body[26] = (byte) name.length;
            System.arraycopy(name, 0, body, ToyRecordCodec.FIXED_BYTES, name.length);
            assertEquals(ToyFormatException.Reason.BAD_NAME,
                    assertThrows(ToyFormatException.class, () -> ToyRecordCodec.decode(body)).reason(),
                    HexFormat.of().formatHex(name));
        }
    }

    @Test
    void constructorsRejectOutOfRangeValuesWithClearMessages() {
        Colours c = new Colours(0, 0, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Colours(0x1000000, 0, 0))
                .getMessage().contains("primary"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new CoCreation("x".repeat(21), c, Upgrades.NONE, 0, 0)).getMessage().contains("20 bytes"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new CoCreation("ééééééééééé", c, Upgrades.NONE, 0, 0)).getMessage().contains("22"));
        assertThrows(IllegalArgumentException.class, () -> new CoCreation("a\u0000", c, Upgrades.NONE, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CoCreation("a\uD800", c, Upgrades.NONE, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CoCreation("a", c, Upgrades.NONE, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CoCreation("a", c, Upgrades.NONE, 1L << 32, 0));
        assertThrows(IllegalArgumentException.class, () -> new CoCreation("a", c, Upgrades.NONE, 0, 256));
        CoCreation ok = new CoCreation("🐉", c, Upgrades.NONE, CoCreation.MAX_XP, 255);
        assertThrows(IllegalArgumentException.class, () -> new ToyRecord(65536, 0, ok));
        assertThrows(IllegalArgumentException.class, () -> new ToyRecord(0, 256, ok));
        assertThrows(IllegalArgumentException.class, () -> new ToyRecord(0, 0, 0, ok));
        assertThrows(IllegalArgumentException.class, () -> Upgrades.of(64));
        assertThrows(IllegalArgumentException.class,
                () -> ToyRecordCodec.encode(new ToyRecord(1, 1, 2, ok)));
    }

    @Test
    void upgradesBehaveAsASet() {
        Upgrades u = Upgrades.of(3, 0, 63);
        assertEquals(3, u.size());
        assertTrue(u.contains(63));
        assertEquals(java.util.List.of(0, 3, 63), java.util.List.copyOf(u.ids()));
        assertEquals(Upgrades.of(0, 63), u.without(3));
    }
}
