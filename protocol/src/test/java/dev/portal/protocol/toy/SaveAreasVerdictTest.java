package dev.portal.protocol.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verdict rules, one situation at a time. */
class SaveAreasVerdictTest {

    private static final TagLayout LAYOUT = TagLayout.NTAG213;
    private static final byte[] UID = TestKeys.UID7;
    private static final ToyRecord RECORD = ToyArbitraries.sample();

    private static byte[] area(byte[] image) {
        return Arrays.copyOf(image, LAYOUT.areaBytes());
    }

    private static byte[] valid(long counter) {
        return area(ToyImage.encode(RECORD, UID, TestKeys.FLEET, counter));
    }

    private static byte[] filled(int value) {
        byte[] a = new byte[LAYOUT.areaBytes()];
        Arrays.fill(a, (byte) value);
        return a;
    }

    private static ToyReadResult read(byte[] a, byte[] b) {
        return SaveAreas.read(LAYOUT, a, b, UID, TestKeys.FLEET);
    }

    @Test
    void erasedTagsAreBlank() {
        assertEquals(ToyVerdict.BLANK, read(filled(0), filled(0)).verdict());
        assertEquals(ToyVerdict.BLANK, read(filled(0xFF), filled(0xFF)).verdict());
        assertEquals(ToyVerdict.BLANK, read(filled(0xFF), filled(0)).verdict());
    }

    @Test
    void aFactoryFreshNtagWithAnEmptyNdefMessageIsBlank() {
        byte[] factory = area(HexFormat.of().parseHex("0103a00c340300fe"));
        assertEquals(ToyVerdict.BLANK, read(factory, filled(0)).verdict());
        byte[] phoneErased = area(HexFormat.of().parseHex("0300fe"));
        assertEquals(ToyVerdict.BLANK, read(phoneErased, filled(0)).verdict());
    }

    @Test
    void anotherApplicationsDataIsUnknown() {
        byte[] ndefUrl = area(HexFormat.of().parseHex("0310d1010c5503706f7274616c2e646576fe"));
        ToyReadResult result = read(ndefUrl, filled(0));
        assertEquals(ToyVerdict.UNKNOWN, result.verdict());
        assertInstanceOf(AreaState.Foreign.class, result.stateA());
        assertTrue(result.reason().contains("0x03"), result.reason());
        byte[] otherMagic = valid(3);
        otherMagic[0] = 0x5A;
        assertEquals(ToyVerdict.UNKNOWN, read(filled(0), otherMagic).verdict());
    }

    @Test
    void aNewerAreaFormatIsUnknown() {
        byte[] newer = valid(3);
        newer[1] = 2;
        ToyReadResult result = read(newer, filled(0));
        assertEquals(ToyVerdict.UNKNOWN, result.verdict());
        assertEquals(new AreaState.Newer("area format 2", 3), result.stateA());
    }

    @Test
    void anAuthenticRecordOfANewerVersionIsUnknown() {
        byte[] body = ToyRecordCodec.encode(RECORD);
        body[0] = 2;
        byte[] image = new byte[ToyImage.HEADER_BYTES + body.length + ToyImage.TAG_BYTES];
        System.arraycopy(ToyImage.encode(RECORD, UID, TestKeys.FLEET, 5), 0, image, 0, ToyImage.HEADER_BYTES);
        System.arraycopy(body, 0, image, ToyImage.HEADER_BYTES, body.length);
        byte[] tag = ToyImage.tag(TestKeys.FLEET, UID, image, ToyImage.HEADER_BYTES + body.length);
        System.arraycopy(tag, 0, image, ToyImage.HEADER_BYTES + body.length, ToyImage.TAG_BYTES);
        ToyReadResult result = read(filled(0), area(image));
        assertEquals(ToyVerdict.UNKNOWN, result.verdict(), result.reason());
        assertEquals(new AreaState.Newer("record version 2", 5), result.stateB());
    }

    @Test
    void aValidAreaOutranksANewerOneButThePortalWillNotWriteOverIt() {
        byte[] newer = valid(8);
        newer[1] = 2;
        ToyReadResult result = read(valid(7), newer);
        assertEquals(ToyVerdict.RECOGNISED, result.verdict());
        assertEquals(Optional.of(Area.A), result.winner());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SaveAreas.planWrite(LAYOUT, result, RECORD, UID, TestKeys.FLEET));
        assertTrue(refused.getMessage().contains("roll"), refused.getMessage());
        byte[] olderNewer = valid(6);
        olderNewer[1] = 2;
        assertEquals(Area.B, SaveAreas.planWrite(LAYOUT, read(valid(7), olderNewer), RECORD, UID, TestKeys.FLEET).target());
    }

    @Test
    void ourFormatThatDoesNotVerifyIsTampered() {
        byte[] edited = valid(4);
        edited[ToyImage.HEADER_BYTES + 25] = 99; // level
        ToyReadResult result = read(edited, filled(0));
        assertEquals(ToyVerdict.TAMPERED, result.verdict());
        assertTrue(result.reason().contains("authenticity tag mismatch"), result.reason());
        assertEquals(ToyVerdict.TAMPERED, read(edited, edited).verdict());
        ToyReadResult withForeign = read(area(HexFormat.of().parseHex("0310d1")), edited);
        assertEquals(ToyVerdict.TAMPERED, withForeign.verdict());
    }

    @Test
    void aBodyLengthThatOverrunsTheAreaIsTamperedNotAnException() {
        byte[] a = valid(4);
        a[6] = (byte) 0xFF;
        assertEquals(ToyVerdict.TAMPERED, read(a, filled(0)).verdict());
        a[6] = 0;
        assertEquals(ToyVerdict.TAMPERED, read(a, filled(0)).verdict());
    }

    @Test
    void inspectingAnAreaOfAnyLengthGivesAState() {
        assertInstanceOf(AreaState.Foreign.class, ToyImage.inspect(new byte[0], UID, TestKeys.FLEET));
        assertInstanceOf(AreaState.Corrupt.class, ToyImage.inspect(new byte[] {(byte) 0xA7}, UID, TestKeys.FLEET));
        assertInstanceOf(AreaState.Corrupt.class, ToyImage.inspect(Arrays.copyOf(valid(1), 15), UID, TestKeys.FLEET));
        assertInstanceOf(AreaState.Valid.class, ToyImage.inspect(Arrays.copyOf(valid(1), 100), UID, TestKeys.FLEET));
    }

    @Test
    void theNewerValidAreaWinsAndWrapAroundCounts() {
        assertEquals(Optional.of(Area.B), read(valid(4), valid(5)).winner());
        assertEquals(Optional.of(Area.A), read(valid(6), valid(5)).winner());
        ToyReadResult wrapped = read(valid(0xFFFF_FFFFL), valid(0));
        assertEquals(Optional.of(Area.B), wrapped.winner());
        assertEquals(0, wrapped.writeCounter());
        assertEquals(Optional.of(Area.A), read(valid(3), valid(3)).winner(), "a tie goes to A");
        ToyWritePlan next = SaveAreas.planWrite(LAYOUT, read(valid(0xFFFF_FFFFL), filled(0)), RECORD, UID, TestKeys.FLEET);
        assertEquals(0, next.counter());
        assertEquals(Area.B, next.target());
    }

    @Test
    void serialCounterOrder() {
        assertTrue(WriteCounter.isNewer(1, 0));
        assertTrue(WriteCounter.isNewer(0, 0xFFFF_FFFFL));
        assertTrue(WriteCounter.isNewer(0x7FFF_FFFFL, 0));
        assertFalse(WriteCounter.isNewer(0x8000_0000L, 0), "half the range apart is undefined: neither is newer");
        assertFalse(WriteCounter.isNewer(0, 0x8000_0000L));
        assertFalse(WriteCounter.isNewer(5, 5));
        assertEquals(0, WriteCounter.next(0xFFFF_FFFFL));
    }

    @Test
    void unreadableAreasDoNotHideAValidOne() {
        assertEquals(ToyVerdict.RECOGNISED, read(null, valid(2)).verdict());
        assertEquals(ToyVerdict.RECOGNISED, read(valid(2), new byte[3]).verdict());
        ToyReadResult neither = read(null, Arrays.copyOf(valid(2), 63));
        assertEquals(ToyVerdict.UNKNOWN, neither.verdict());
        assertTrue(neither.reason().contains("63 bytes"), neither.reason());
    }

    @Test
    void planWriteRefusesTamperedAndUnknownToysButResetReinitialisesThem() {
        byte[] edited = valid(4);
        edited[20] ^= 1;
        ToyReadResult tampered = read(edited, filled(0));
        assertThrows(IllegalStateException.class, () -> SaveAreas.planWrite(LAYOUT, tampered, RECORD, UID, TestKeys.FLEET));
        ToyWritePlan reset = SaveAreas.planReset(LAYOUT, tampered, RECORD, UID, TestKeys.FLEET);
        assertEquals(Area.A, reset.target());
        assertEquals(1, reset.counter());
        SimulatedTag tag = new SimulatedTag(LAYOUT, (byte) 0);
        tag.writeAll(LAYOUT.split(Area.A, edited));
        tag.writeAll(reset.writes());
        assertTrue(reset.confirmedBy(tag.read(UID, TestKeys.FLEET)));
        ToyReadResult recognised = read(valid(1), filled(0));
        assertThrows(IllegalStateException.class, () -> SaveAreas.planReset(LAYOUT, recognised, RECORD, UID, TestKeys.FLEET));
        byte[] newer = valid(9);
        newer[1] = 7;
        ToyReadResult fromNewer = read(newer, filled(0));
        assertThrows(IllegalStateException.class, () -> SaveAreas.planReset(LAYOUT, fromNewer, RECORD, UID, TestKeys.FLEET));
    }

    @Test
    void theAuthenticityTagCoversTheUidLengthSoPrefixUidsDiffer() {
        byte[] uid4 = Arrays.copyOf(UID, 4);
        byte[] image = ToyImage.encode(RECORD, uid4, TestKeys.FLEET, 1);
        assertEquals(ToyVerdict.RECOGNISED, SaveAreas.read(LAYOUT, area(image), null, uid4, TestKeys.FLEET).verdict());
        assertEquals(ToyVerdict.TAMPERED, read(area(image), null).verdict());
    }

    @Test
    void badUidsAreCallerErrors() {
        assertThrows(IllegalArgumentException.class, () -> SaveAreas.read(LAYOUT, null, null, new byte[5], TestKeys.FLEET));
        assertThrows(NullPointerException.class, () -> SaveAreas.read(LAYOUT, null, null, null, TestKeys.FLEET));
        assertThrows(IllegalArgumentException.class, () -> ToyImage.encode(RECORD, UID, TestKeys.FLEET, -1));
        assertThrows(IllegalArgumentException.class, () -> ToyImage.encode(RECORD, UID, TestKeys.FLEET, 1L << 32));
    }

    @Test
    void theAreaImageHasTheDocumentedHeader() {
        byte[] image = ToyImage.encode(RECORD, UID, TestKeys.FLEET, 0x01020304L);
        byte[] body = ToyRecordCodec.encode(RECORD);
        assertEquals("a701" + "01020304" + String.format("%02x", body.length), HexFormat.of().formatHex(image, 0, 7));
        assertEquals(7 + body.length + 8, image.length);
        assertEquals(HexFormat.of().formatHex(body), HexFormat.of().formatHex(image, 7, 7 + body.length));
        assertEquals(62, ToyImage.MAX_BYTES);
    }
}
