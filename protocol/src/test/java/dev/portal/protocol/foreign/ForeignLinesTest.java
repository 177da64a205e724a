package dev.portal.protocol.foreign;

import dev.portal.protocol.frame.Hex;
import dev.portal.protocol.id.Uid;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every line's algorithm pinned by the check vectors of issue 16 and by published tag values. */
class ForeignLinesTest {
    private static final byte[] SKYLANDER_UID = Hex.parse("7457caa9");
    private static final byte[] LEGO_ISSUE_UID = Hex.parse("0462b68ab44280");
    /** A genuine LEGO Dimensions character (Wyldstyle, id 3) as published by tag researchers. */
    private static final byte[] WYLDSTYLE_UID = Hex.parse("0413bb1a994080");

    @Test
    void skylanderSectorKeysFollowTheIssueCheckVector() {
        assertEquals("82c7e64bc565", Hex.format(SkylanderKeys.keyA(SKYLANDER_UID, 15)));
        assertEquals("4b0b20107ccb", Hex.format(SkylanderKeys.keyA(SKYLANDER_UID, 0)));
        assertThrows(IllegalArgumentException.class, () -> SkylanderKeys.keyA(SKYLANDER_UID, 16));
        assertThrows(IllegalArgumentException.class, () -> SkylanderKeys.keyA(LEGO_ISSUE_UID, 1));
    }

    @Test
    void crc16IsCcittFalse() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x29B1, Crc16Ccitt.of(check, 0, check.length));
    }

    @Test
    void aSkylanderIsIdentifiedFromSectorZero() {
        byte[] head = Skylanders.head(SKYLANDER_UID, 0x01C3, 0x3000);
        assertEquals(new ForeignToy(ToyLine.SKYLANDERS, ToyForm.FIGURE, 0x01C3, 0x3000, 0),
                ((Identification.Identified) Skylanders.identify(SKYLANDER_UID, head)).toy());
        assertEquals((byte) 0xC3, head[16], "character id little-endian at byte 16");
        assertEquals((byte) 0x30, head[29], "variant little-endian at byte 28");
    }

    @Test
    void aSkylanderWhoseCrcFailsClaimsTheLineButIsNotIdentified() {
        byte[] head = Skylanders.head(SKYLANDER_UID, 0x01C3, 0);
        head[16] ^= 0x01; // another character id, CRC not updated
        Identification verdict = Skylanders.identify(SKYLANDER_UID, head);
        Identification.FailsCheck failed = assertInstanceOf(Identification.FailsCheck.class, verdict);
        assertEquals(ToyLine.SKYLANDERS, failed.line());
        assertTrue(failed.reason().contains("CRC-16"), failed.reason());
        assertEquals(new FailedCheck(ToyLine.SKYLANDERS), verdict.reading().orElseThrow());
    }

    @Test
    void aSkylanderHeadCopiedOntoAnotherUidFailsItsCheck() {
        byte[] head = Skylanders.head(SKYLANDER_UID, 0x0010, 0);
        assertInstanceOf(Identification.FailsCheck.class, Skylanders.identify(Hex.parse("01020304"), head));
        assertInstanceOf(Identification.FailsCheck.class, Skylanders.identify(SKYLANDER_UID,
                Arrays.copyOf(head, 16)));
    }

    @Test
    void legoPasswordFollowsTheIssueCheckVectorAndAPublishedTag() {
        assertEquals("5a349515", Hex.format(LegoKeys.password(LEGO_ISSUE_UID)));
        assertEquals("4bef3621", Hex.format(LegoKeys.password(WYLDSTYLE_UID)));
        assertEquals("33ef82233a56082f78f06c7c246c3710", Hex.format(LegoKeys.teaKeyBytes(WYLDSTYLE_UID)));
    }

    @Test
    void aLegoCharacterIdDecryptsFromAPublishedTag() {
        byte[] pages = new byte[12];
        System.arraycopy(Hex.parse("0139ed60e4be307c"), 0, pages, 0, 8);
        assertEquals(new ForeignToy(ToyLine.LEGO_DIMENSIONS, ToyForm.FIGURE, 3, 0, 0),
                ((Identification.Identified) LegoDimensions.identify(WYLDSTYLE_UID, pages)).toy());
        assertEquals(Hex.format(pages), Hex.format(LegoDimensions.characterPages(WYLDSTYLE_UID, 3)));
    }

    @Test
    void aLegoVehicleIdIsPlainInPage24() {
        byte[] pages = LegoDimensions.vehiclePages(1123);
        assertEquals("63040000", Hex.format(Arrays.copyOf(pages, 4)));
        assertEquals(new ForeignToy(ToyLine.LEGO_DIMENSIONS, ToyForm.VEHICLE, 1123, 0, 0),
                ((Identification.Identified) LegoDimensions.identify(LEGO_ISSUE_UID, pages)).toy());
    }

    @Test
    void aLegoCharacterMovedToAnotherUidOrEditedFailsItsCheck() {
        byte[] pages = LegoDimensions.characterPages(WYLDSTYLE_UID, 3);
        assertEquals(ToyLine.LEGO_DIMENSIONS, assertInstanceOf(Identification.FailsCheck.class,
                LegoDimensions.identify(LEGO_ISSUE_UID, pages)).line());
        pages[5] ^= 0x40;
        assertInstanceOf(Identification.FailsCheck.class, LegoDimensions.identify(WYLDSTYLE_UID, pages));
        assertInstanceOf(Identification.NotForeign.class, LegoDimensions.identify(WYLDSTYLE_UID, new byte[12]));
    }

    @Test
    void anAmiiboIsIdentifiedFromItsPlainFigureId() {
        // Link (game and character 0x0100), variant 0, figure, model 0x0004, series 0, format 02
        byte[] id = Hex.parse("0100000000040002");
        Identification verdict = Amiibo.identify(Hex.parse("a5000000"), id);
        assertEquals(new ForeignToy(ToyLine.AMIIBO, ToyForm.FIGURE, 0x0100, 0, 0),
                ((Identification.Identified) verdict).toy());
        assertEquals(4, Amiibo.modelNumber(id));
        assertInstanceOf(Identification.NotForeign.class, Amiibo.identify(Hex.parse("a7010000"), id));
        assertEquals(ToyLine.AMIIBO, assertInstanceOf(Identification.FailsCheck.class,
                Amiibo.identify(Hex.parse("a5000000"), Hex.parse("0100000000040003"))).line());
    }

    @Test
    void aDumpOfTheWrongSizeOrAnotherUidIsRefusedWithTheReason() {
        DumpException size = assertThrows(DumpException.class,
                () -> ForeignDumps.identify(new byte[181], Uid.of(LEGO_ISSUE_UID)));
        assertTrue(size.getMessage().contains("181 bytes"), size.getMessage());
        byte[] ntag = new byte[ForeignDumps.NTAG213_BYTES];
        DumpException other = assertThrows(DumpException.class,
                () -> ForeignDumps.identify(ntag, Uid.of(LEGO_ISSUE_UID)));
        assertTrue(other.getMessage().contains("0462b68ab44280"), other.getMessage());
    }

    @Test
    void aLegoDumpIsIdentifiedWithItsPassword() throws DumpException {
        byte[] dump = new byte[ForeignDumps.NTAG213_BYTES];
        byte[] u = LEGO_ISSUE_UID;
        System.arraycopy(u, 0, dump, 0, 3);
        System.arraycopy(u, 3, dump, 4, 4);
        System.arraycopy(LegoDimensions.vehiclePages(1123), 0, dump, 0x24 * 4, 12);
        ForeignDumps.Report report = ForeignDumps.identify(dump, Uid.of(u));
        assertEquals(ForeignDumps.DumpedTag.NTAG213, report.tagType());
        assertEquals("5a349515", report.keys().get("password"));
        assertEquals(1123, ((Identification.Identified) report.identification()).toy().characterId());
    }
}
