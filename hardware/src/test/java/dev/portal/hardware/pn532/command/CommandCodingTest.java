package dev.portal.hardware.pn532.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portal.hardware.reader.RxGain;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.protocol.id.Uid;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandCodingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void parsesTheTargetListLibnfcShows() throws ReaderException {
        List<ListedTarget> targets = TargetListParser.parse106A(HEX.parseHex("0101000408" + "04deadbeef"));
        assertEquals(1, targets.size());
        assertEquals(Uid.parse("DEADBEEF"), targets.get(0).uid());
        assertEquals(0x0004, targets.get(0).atqa());
        assertEquals(0x08, targets.get(0).sak());
    }

    @Test
    void parsesTwoTargetsAndAnAts() throws ReaderException {
        List<ListedTarget> targets = TargetListParser.parse106A(HEX.parseHex(
                "02" + "01004400" + "0704a1b2c3d4e5f6" + "02000420" + "0401020304" + "0578807002"));
        assertEquals(2, targets.size());
        assertEquals(Uid.parse("04A1B2C3D4E5F6"), targets.get(0).uid());
        assertEquals(2, targets.get(1).tg());
        assertArrayEquals(HEX.parseHex("0578807002"), targets.get(1).ats());
    }

    @Test
    void refusesTruncatedTargetLists() {
        assertEquals(Failure.PROTOCOL, assertThrows(ReaderException.class,
                () -> TargetListParser.parse106A(HEX.parseHex("0101000408" + "04dead"))).failure());
        assertEquals(Failure.PROTOCOL, assertThrows(ReaderException.class,
                () -> TargetListParser.parse106A(HEX.parseHex("03"))).failure());
    }

    @Test
    void mapsStatusBytes() {
        assertEquals(Failure.TIMEOUT, assertThrows(ReaderException.class, () -> StatusByte.check(0x01, "x")).failure());
        assertEquals(Failure.CRC, assertThrows(ReaderException.class, () -> StatusByte.check(0x02, "x")).failure());
        assertEquals(Failure.AUTHENTICATION,
                assertThrows(ReaderException.class, () -> StatusByte.check(0x14, "x")).failure());
        assertEquals(Failure.PROTOCOL, assertThrows(ReaderException.class, () -> StatusByte.check(0x27, "x")).failure());
        assertEquals(Failure.TIMEOUT, assertThrows(ReaderException.class, () -> StatusByte.check(0x41, "x")).failure(),
                "the MI/NAD bits are not part of the error");
    }

    @Test
    void cascadesUidsForInitiatorData() {
        assertEquals("deadbeef", HEX.formatHex(CascadedUid.encode(Uid.parse("DEADBEEF"))));
        assertEquals("8804112233445566", HEX.formatHex(CascadedUid.encode(Uid.parse("04112233445566"))));
        assertEquals(Optional.of(Uid.parse("04112233445566")), CascadedUid.decode(HEX.parseHex("8804112233445566")));
        assertEquals(Optional.empty(), CascadedUid.decode(HEX.parseHex("04112233445566")));
        Uid ten = Uid.parse("01020304050607080910");
        assertEquals(Optional.of(ten), CascadedUid.decode(CascadedUid.encode(ten)));
    }

    @Test
    void rxGainUsesTheNearestSettingAndKeepsOtherBits() {
        assertEquals(new AntennaGain(33), RxGain.fromRegister(0x48));
        assertEquals(new AntennaGain(18), RxGain.fromRegister(0x20));
        assertEquals(0x78, RxGain.toRegister(0x48, new AntennaGain(48)));
        assertEquals(0x18, RxGain.toRegister(0x48, new AntennaGain(23)));
        assertEquals(0x58, RxGain.toRegister(0x08, new AntennaGain(36)));
    }
}
