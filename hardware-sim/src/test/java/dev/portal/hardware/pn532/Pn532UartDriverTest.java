package dev.portal.hardware.pn532;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.pn532.LinkFault;
import dev.portal.hardware.pn532.transport.UartTransport;
import dev.portal.hardware.reader.AntennaGain;
import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.ReaderTimeouts;
import dev.portal.hardware.reader.TagFamily;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.hardware.reader.Uid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our PN532 driver, through jSerialComm, against the PN532 model on a real pty pair. */
class Pn532UartDriverTest {
    static final ReaderTimeouts TIMEOUTS =
            new ReaderTimeouts(Duration.ofMillis(60), Duration.ofMillis(300), Duration.ofMillis(1000));

    @TempDir
    Path dir;
    ModelOnPty chip;
    Pn532Reader reader;

    @BeforeEach
    void start() throws Exception {
        chip = new ModelOnPty(dir);
        reader = Pn532Reader.open(UartTransport.open(chip.hostEnd()), TIMEOUTS);
    }

    @AfterEach
    void stop() {
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            if (chip != null) {
                chip.close();
            }
        }
    }

    @Test
    void wakesTheChipAndReportsFirmwareAndSelfTest() throws Exception {
        assertEquals("PN532", reader.chipInfo().chip());
        assertEquals("1.6", reader.chipInfo().version());
        assertTrue(reader.selfTest().passed(), reader.selfTest().detail());
    }

    @Test
    void antennaGainGoesToTheNearestSetting() throws Exception {
        assertEquals(new AntennaGain(33), reader.antennaGain()); // CIU reset value
        reader.setAntennaGain(new AntennaGain(48));
        assertEquals(new AntennaGain(48), reader.antennaGain());
        reader.setAntennaGain(new AntennaGain(20));
        assertEquals(new AntennaGain(18), reader.antennaGain());
        reader.setAntennaGain(new AntennaGain(40));
        assertEquals(new AntennaGain(38), reader.antennaGain());
    }

    @Test
    void emptyFieldScansEmpty() throws Exception {
        assertEquals(List.of(), reader.scan());
    }

    @Test
    void twoTagsOfDifferentKindsAreBothFound() throws Exception {
        chip.field.add(Tags.classic(Tags.CLASSIC_4));
        chip.field.add(Tags.ntag215(Tags.NTAG));
        List<TagInfo> tags = reader.scan();
        assertEquals(Set.of(Tags.CLASSIC_4, Tags.NTAG), tags.stream().map(TagInfo::uid).collect(Collectors.toSet()));
        TagInfo classic = tags.stream().filter(t -> t.uid().equals(Tags.CLASSIC_4)).findFirst().orElseThrow();
        assertEquals(TagFamily.MIFARE_CLASSIC_1K, classic.family());
        assertEquals(0x08, classic.sak());
        TagInfo ntag = tags.stream().filter(t -> t.uid().equals(Tags.NTAG)).findFirst().orElseThrow();
        assertEquals(TagFamily.NTAG, ntag.family());
    }

    @Test
    void moreThanTwoTagsAreEnumeratedAndFoundAgainWhenHalted() throws Exception {
        Set<Uid> placed = Set.of(Uid.parse("01020304"), Uid.parse("A1A2A3A4"), Uid.parse("04010203040506"),
                Uid.parse("04F0E0D0C0B0A0"), Uid.parse("7F000001"));
        for (Uid uid : placed) {
            chip.field.add(uid.length() == 4 ? Tags.classic(uid) : Tags.ntag215(uid));
        }
        long before = chip.model.counters().commands();
        assertEquals(placed, reader.scan().stream().map(TagInfo::uid).collect(Collectors.toSet()));
        // field off + on, then 3 rounds of (list 2, HLTA, release) and a last list that finds nothing
        assertEquals(2 + 3 * 3 + 1, chip.model.counters().commands() - before, "PN532 commands for 5 tags");
        assertEquals(5, reader.scan().size(), "the halted tags are found by the next scan too");
    }

    @Test
    void ntagReadWriteFastReadAndPassword() throws Exception {
        Ntag21x tag = Tags.ntag215(Tags.NTAG);
        chip.field.add(tag);
        byte[] page = {0x11, 0x22, 0x33, 0x44};
        try (TagSession s = reader.select(Tags.NTAG)) {
            assertEquals(0x11, ((Pn532TagSession) s).getVersion()[6], "NTAG215 storage size byte");
            s.writePage(4, page);
            s.writePage(5, new byte[] {5, 6, 7, 8});
            assertArrayEquals(page, java.util.Arrays.copyOf(s.readPages(4), 4));
            byte[] fast = s.fastRead(4, 5);
            assertEquals("1122334405060708", HexFormat.of().formatHex(fast));
            assertEquals(135 * 4, s.fastRead(0, 134).length); // several FAST_READ chunks
            // protect from page 4 with password 0A0B0C0D and PACK BEEF
            s.writePage(tag.type().pwdPage(), new byte[] {0x0A, 0x0B, 0x0C, 0x0D});
            s.writePage(tag.type().packPage(), new byte[] {(byte) 0xBE, (byte) 0xEF, 0, 0});
            byte[] cfg0 = java.util.Arrays.copyOf(s.readPages(tag.type().cfg0Page()), 4);
            cfg0[3] = 4;
            s.writePage(tag.type().cfg0Page(), cfg0);
        }
        try (TagSession s = reader.select(Tags.NTAG)) {
            ReaderException refused = assertThrows(ReaderException.class, () -> s.writePage(6, page));
            assertEquals(Failure.PROTOCOL, refused.failure());
        }
        try (TagSession s = reader.select(Tags.NTAG)) {
            ReaderException wrong = assertThrows(ReaderException.class,
                    () -> s.passwordAuthenticate(new byte[] {1, 2, 3, 4}));
            assertEquals(Failure.AUTHENTICATION, wrong.failure());
        }
        try (TagSession s = reader.select(Tags.NTAG)) {
            assertEquals("beef", HexFormat.of().formatHex(s.passwordAuthenticate(new byte[] {0x0A, 0x0B, 0x0C, 0x0D})));
            s.writePage(6, page);
        }
        assertEquals("11223344", HexFormat.of().formatHex(tag.dump(), 6 * 4, 7 * 4));
    }

    @Test
    void mifareReadWriteAndWrongKey() throws Exception {
        MifareClassic1k tag = Tags.classic(Tags.CLASSIC_7);
        chip.field.add(tag);
        byte[] data = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        try (TagSession s = reader.select(Tags.CLASSIC_7)) {
            assertEquals(TagFamily.MIFARE_CLASSIC_1K, s.tag().family());
            s.authenticate(4, MifareKey.factoryA());
            s.writeBlock(5, data);
            assertArrayEquals(data, s.readBlock(5));
        }
        assertArrayEquals(data, tag.block(5));
        try (TagSession s = reader.select(Tags.CLASSIC_7)) {
            MifareKey wrong = new MifareKey(MifareKey.Type.A, HexFormat.of().parseHex("A0A1A2A3A4A5"));
            ReaderException e = assertThrows(ReaderException.class, () -> s.authenticate(8, wrong));
            assertEquals(Failure.AUTHENTICATION, e.failure());
        }
        try (TagSession s = reader.select(Tags.CLASSIC_7)) {
            s.authenticate(8, MifareKey.factoryA()); // a fresh selection works again
            assertEquals(16, s.readBlock(8).length);
        }
    }

    @Test
    void airFaultsFromTheTagLayerBecomeTypedFailures() throws Exception {
        chip.field.add(Tags.classic(Tags.CLASSIC_4));
        try (TagSession s = reader.select(Tags.CLASSIC_4)) {
            s.authenticate(4, MifareKey.factoryA());
            chip.field.faults().bitErrors(1.0); // every bit flipped: parity holds, CRC_A fails
            assertEquals(Failure.CRC, assertThrows(ReaderException.class, () -> s.readBlock(4)).failure());
            chip.field.faults().clear().stalls(1.0, 200_000); // answers 200 ms late, past the chip's timeout
            assertEquals(Failure.TIMEOUT, assertThrows(ReaderException.class, () -> s.readBlock(4)).failure());
        } finally {
            chip.field.faults().clear();
        }
    }

    @Test
    void selectingAnAbsentTagIsNoTag() {
        ReaderException e = assertThrows(ReaderException.class, () -> reader.select(Tags.CLASSIC_4));
        assertEquals(Failure.NO_TAG, e.failure());
    }
}
